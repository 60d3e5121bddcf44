package rw.ijwi.review;

import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Comments to review, always within a list of districts the caller may see; coding, approving and redacting.
 * A redacted comment keeps its row (so it is still counted) with the text NULL and reviewed_at set. The simulator's
 * test reports are not here (they count nowhere; /simulator/reports lists them).
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

    String SHOWN = """
            WHERE d.name = ANY(:districts) AND r.origin <> 'simulator'
              AND (r.comment IS NOT NULL OR r.reviewed_at IS NOT NULL)
              AND (CAST(:reviewed AS boolean) IS NULL OR (r.reviewed_at IS NOT NULL) = :reviewed)
            """;

    /** One page of the comments of these districts, newest first; reviewed: null any, true reviewed (and redacted), false not. */
    @SqlQuery(SELECT + SHOWN + """
            ORDER BY r.created_at DESC, r.id DESC
            LIMIT :limit OFFSET :offset""")
    List<Comment> comments(@Bind("districts") List<String> districts, @Bind("reviewed") Boolean reviewed,
            @Bind("offset") long offset, @Bind("limit") int limit);

    /** How many comments the same filter shows over all pages. */
    @SqlQuery("SELECT count(*) FROM report r JOIN district d ON d.id = r.district_id " + SHOWN)
    long count(@Bind("districts") List<String> districts, @Bind("reviewed") Boolean reviewed);

    @SqlQuery(SELECT + """
            WHERE r.id = :id AND r.origin <> 'simulator' AND (r.comment IS NOT NULL OR r.reviewed_at IS NOT NULL)""")
    Optional<Comment> find(@Bind("id") long id);

    @SqlQuery(SELECT + """
            WHERE r.id = ANY(:ids) AND r.origin <> 'simulator' AND (r.comment IS NOT NULL OR r.reviewed_at IS NOT NULL)""")
    List<Comment> findAll(@Bind("ids") long[] ids);

    /** Codes the comment and sets its quotable flag; the database refuses approval without consent. */
    @SqlUpdate("""
            UPDATE report SET codes = :codes, quote_approved = :approved, reviewed_at = now(), reviewed_by = :by
            WHERE id = :id AND comment IS NOT NULL""")
    int review(@Bind("id") long id, @Bind("codes") String[] codes, @Bind("approved") boolean quoteApproved,
            @Bind("by") String reviewer);

    /** Adds one code to each of these comments (keeping their other codes and quote flag); redacted ones are skipped. */
    @SqlUpdate("""
            UPDATE report SET codes = CASE WHEN :code = ANY(codes) THEN codes ELSE array_append(codes, :code) END,
                              reviewed_at = now(), reviewed_by = :by
            WHERE id = ANY(:ids) AND comment IS NOT NULL""")
    int addCode(@Bind("ids") long[] ids, @Bind("code") String code, @Bind("by") String reviewer);

    /** Removes the text for good; the report and its counts stay. */
    @SqlUpdate("""
            UPDATE report SET comment = NULL, quote_approved = false, reviewed_at = now(), reviewed_by = :by
            WHERE id = :id""")
    int redact(@Bind("id") long id, @Bind("by") String reviewer);
}
