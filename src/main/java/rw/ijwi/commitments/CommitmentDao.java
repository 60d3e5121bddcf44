package rw.ijwi.commitments;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Reads and writes the commitments register and its dated notes. */
@RegisterConstructorMapper(Commitment.class)
public interface CommitmentDao {

    String SELECT = """
            SELECT c.id, d.name AS district, s.name AS sector, c.actor, c.promise, c.service, c.gap,
                   c.due_date, c.status
            FROM commitment c
            JOIN district d ON d.id = c.district_id
            LEFT JOIN sector s ON s.id = c.sector_id
            """;

    @SqlQuery(SELECT + """
            WHERE d.name = :district
            ORDER BY c.created_at DESC, c.id DESC
            LIMIT 50""")
    List<Commitment> inDistrict(@Bind("district") String district);

    /** The register, newest first, optionally of one district and one status (null means any). */
    @SqlQuery(SELECT + """
            WHERE (CAST(:district AS text) IS NULL OR d.name = :district)
              AND (CAST(:status AS text) IS NULL OR c.status = :status)
            ORDER BY c.created_at DESC, c.id DESC
            LIMIT :limit""")
    List<Commitment> list(@Bind("district") String district, @Bind("status") String status, @Bind("limit") int limit);

    @SqlQuery(SELECT + "WHERE c.id = :id")
    Optional<Commitment> find(@Bind("id") long id);

    @SqlUpdate("""
            INSERT INTO commitment (district_id, sector_id, actor, promise, service, gap, due_date, status)
            VALUES (:c.districtId, :c.sectorId, :c.actor, :c.promise, :c.service, :c.gap, :c.dueDate, :c.status)""")
    @GetGeneratedKeys("id")
    long insert(@BindMethods("c") CommitmentInput.Valid commitment);

    @SqlUpdate("""
            UPDATE commitment SET district_id = :c.districtId, sector_id = :c.sectorId, actor = :c.actor,
                   promise = :c.promise, service = :c.service, gap = :c.gap, due_date = :c.dueDate,
                   status = :c.status, updated_at = now()
            WHERE id = :id""")
    int update(@Bind("id") long id, @BindMethods("c") CommitmentInput.Valid commitment);

    @SqlUpdate("INSERT INTO commitment_note (commitment_id, noted_on, note, author) VALUES (:id, :on, :note, :author)")
    void addNote(@Bind("id") long commitmentId, @Bind("on") LocalDate notedOn, @Bind("note") String note,
            @Bind("author") String author);

    @SqlQuery("""
            SELECT id, noted_on, note, author FROM commitment_note WHERE commitment_id = :id
            ORDER BY noted_on DESC, id DESC""")
    @RegisterConstructorMapper(Note.class)
    List<Note> notes(@Bind("id") long commitmentId);

    @SqlQuery("SELECT code FROM service ORDER BY position")
    List<String> services();

    @SqlQuery("SELECT code FROM gap ORDER BY position")
    List<String> gaps();

    /** When each commitment of a district was made (the brief sets reports before it against reports since). */
    @SqlQuery("""
            SELECT c.id, c.created_at FROM commitment c JOIN district d ON d.id = c.district_id
            WHERE d.name = :district""")
    @RegisterConstructorMapper(Made.class)
    List<Made> madeIn(@Bind("district") String district);

    /** A commitment's id and the moment it was recorded. */
    record Made(long id, java.time.OffsetDateTime createdAt) {
    }

    /** A dated note on a commitment. */
    record Note(long id, LocalDate notedOn, String note, String author) {
    }
}
