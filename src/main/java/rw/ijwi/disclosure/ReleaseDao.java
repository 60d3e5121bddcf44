package rw.ijwi.disclosure;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Stored monthly releases (V28): written once, never updated. */
public interface ReleaseDao {

    /** A release as stored: figures as JSON text, and what its audit did. */
    record Row(LocalDate month, int k, String figures, int primaries, int complements, int cells, int views,
            int programs, long millis) {
    }

    @SqlQuery("""
            SELECT month, k, figures::text AS figures, primaries, complements, cells, views, programs, millis
            FROM release WHERE month = :month AND k = :k""")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> find(@Bind("month") LocalDate month, @Bind("k") int k);

    /** Keeps the first release of a month: a second instance computing it at the same time loses quietly. */
    @SqlUpdate("""
            INSERT INTO release (month, k, figures, primaries, complements, cells, views, programs, millis)
            VALUES (:month, :k, CAST(:figures AS jsonb), :primaries, :complements, :cells, :views, :programs, :millis)
            ON CONFLICT (month, k) DO NOTHING""")
    void insert(@BindMethods Row row);

    /** The month of the first report, if any: where the grid offered to readers begins. */
    @SqlQuery("SELECT min(created_at AT TIME ZONE 'Africa/Kigali')::date FROM report WHERE origin <> 'simulator'")
    Optional<LocalDate> firstReportDay();

    /** Districts of each active coordinator who covers more than one: they know all of them at once. */
    @SqlQuery("""
            SELECT string_agg(d.name, ',' ORDER BY d.name)
            FROM app_user u JOIN user_district ud ON ud.user_id = u.id JOIN district d ON d.id = ud.district_id
            WHERE u.role = 'coordinator' AND NOT u.disabled
            GROUP BY u.id HAVING count(*) > 1""")
    List<String> coordinatorGroups();
}
