package rw.ijwi.commitments;

import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads the commitments register. */
@RegisterConstructorMapper(Commitment.class)
public interface CommitmentDao {

    @SqlQuery("""
            SELECT c.id, d.name AS district, s.name AS sector, c.actor, c.promise, c.service, c.gap,
                   c.due_date, c.status
            FROM commitment c
            JOIN district d ON d.id = c.district_id
            LEFT JOIN sector s ON s.id = c.sector_id
            WHERE d.name = :district
            ORDER BY c.created_at DESC, c.id DESC
            LIMIT 50""")
    List<Commitment> inDistrict(@Bind("district") String district);
}
