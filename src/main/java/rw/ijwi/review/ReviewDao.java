package rw.ijwi.review;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Comments to review, always within a list of districts the caller may see; coding, approving and redacting.
 * A redacted comment keeps its row (so it is still counted) with the text NULL and reviewed_at set.
 */
@RegisterConstructorMapper(Comment.class)
public interface ReviewDao {

    String SELECT = """
            SELECT r.id, r.created_at, d.name AS district, s.name AS sector, r.service, r.gap, r.comment,
                   r.quote_consent, r.codes, r.quote_approved, r.reviewed_at, r.reviewed_by
            FROM report r
            JOIN district d ON d.id = r.district_id
            LEFT JOIN sector s ON s.id = r.sector_id
            """;

    /**
     * Comments of these districts, newest first, older than the comment {@code before} when it is given;
     * reviewed: null any, true reviewed (and redacted), false not.
     */
    @SqlQuery(SELECT + """
            WHERE d.name = ANY(:districts)
              AND (r.comment IS NOT NULL OR r.reviewed_at IS NOT NULL)
              AND (CAST(:reviewed AS boolean) IS NULL OR (r.reviewed_at IS NOT NULL) = :reviewed)
              AND (CAST(:before AS bigint) IS NULL
                   OR (r.created_at, r.id) < (SELECT b.created_at, b.id FROM report b WHERE b.id = :before))
            ORDER BY r.created_at DESC, r.id DESC
            LIMIT :limit""")
    List<Comment> comments(@Bind("districts") List<String> districts, @Bind("reviewed") Boolean reviewed,
            @Bind("before") Long before, @Bind("limit") int limit);

    @SqlQuery(SELECT + "WHERE r.id = :id AND (r.comment IS NOT NULL OR r.reviewed_at IS NOT NULL)")
    Optional<Comment> find(@Bind("id") long id);

    /** Codes the comment and sets its quotable flag; the database refuses approval without consent. */
    @SqlUpdate("""
            UPDATE report SET codes = :codes, quote_approved = :approved, reviewed_at = now(), reviewed_by = :by
            WHERE id = :id AND comment IS NOT NULL""")
    int review(@Bind("id") long id, @Bind("codes") String[] codes, @Bind("approved") boolean quoteApproved,
            @Bind("by") String reviewer);

    /** Removes the text for good; the report and its counts stay. */
    @SqlUpdate("""
            UPDATE report SET comment = NULL, quote_approved = false, reviewed_at = now(), reviewed_by = :by
            WHERE id = :id""")
    int redact(@Bind("id") long id, @Bind("by") String reviewer);
}
