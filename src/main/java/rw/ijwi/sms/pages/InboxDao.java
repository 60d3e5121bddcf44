package rw.ijwi.sms.pages;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The SMS inbox: inbound messages no keyword or campaign took, for review (codes, handled); never the number. */
@RegisterConstructorMapper(InboxDao.Message.class)
public interface InboxDao {

    /** One inbox message as a reviewer sees it. */
    record Message(long id, OffsetDateTime receivedAt, String shortCode, String text, List<String> codes,
            OffsetDateTime handledAt, String handledBy) {
    }

    String SELECT = """
            SELECT id, received_at, short_code, text, codes, handled_at, handled_by FROM sms_inbound
            WHERE outcome = 'inbox'
            """;

    /** Newest first, older than message {@code before} when given; handled: null any, true handled, false not. */
    @SqlQuery(SELECT + """
              AND (CAST(:handled AS boolean) IS NULL OR (handled_at IS NOT NULL) = :handled)
              AND (CAST(:before AS bigint) IS NULL OR id < :before)
            ORDER BY id DESC LIMIT :limit""")
    List<Message> messages(@Bind("handled") Boolean handled, @Bind("before") Long before, @Bind("limit") int limit);

    @SqlQuery(SELECT + "AND id = :id")
    Optional<Message> find(@Bind("id") long id);

    @SqlUpdate("""
            UPDATE sms_inbound SET codes = :codes, handled_at = :now, handled_by = :by
            WHERE id = :id AND outcome = 'inbox'""")
    int handle(@Bind("id") long id, @Bind("codes") String[] codes, @Bind("by") String reviewer,
            @Bind("now") OffsetDateTime now);
}
