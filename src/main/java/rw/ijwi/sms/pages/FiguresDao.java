package rw.ijwi.sms.pages;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Counts over the SMS tables for the dashboard and the stats API: never a number, never a text. */
public interface FiguresDao {

    /** A label (state, delivery status, failure reason) and how many messages have it. */
    record Count(String label, long count) {
    }

    /** Outbound messages created on one day (Kigali time, as every day and time the dashboard shows), by outcome. */
    record Day(LocalDate day, long total, long sent, long failed, long delivered, long undelivered) {
    }

    @SqlQuery("SELECT count(*) FROM sms_inbound")
    long inbound();

    /** Why the provider will not send for the account right now ('no_credit', 'held'), oldest first. */
    @SqlQuery("SELECT kind FROM sms_account_notice ORDER BY since, kind")
    List<String> accountNotices();

    @SqlQuery("SELECT count(DISTINCT phone_hash) FROM sms_subscriber")
    long subscribers();

    @SqlQuery("SELECT count(*) FROM sms_opt_out")
    long optOuts();

    @SqlQuery("SELECT state AS label, count(*) AS count FROM sms_outbox GROUP BY state ORDER BY state")
    @RegisterConstructorMapper(Count.class)
    List<Count> byState();

    @SqlQuery("""
            SELECT coalesce(delivery_status, '') AS label, count(*) AS count FROM sms_outbox WHERE state = 'sent'
            GROUP BY 1 ORDER BY 2 DESC, 1""")
    @RegisterConstructorMapper(Count.class)
    List<Count> byDelivery();

    /** Why messages failed: the provider's delivery failure reason, else the send error; the most common first. */
    @SqlQuery("""
            SELECT coalesce(failure_reason, last_error, '') AS label, count(*) AS count FROM sms_outbox
            WHERE state IN ('failed', 'skipped') OR failure_reason IS NOT NULL
            GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 30""")
    @RegisterConstructorMapper(Count.class)
    List<Count> failureReasons();

    @SqlQuery("""
            SELECT (created_at AT TIME ZONE 'Africa/Kigali')::date AS day, count(*) AS total,
                   count(*) FILTER (WHERE state = 'sent') AS sent,
                   count(*) FILTER (WHERE state = 'failed') AS failed,
                   count(*) FILTER (WHERE delivery_status = 'Success') AS delivered,
                   count(*) FILTER (WHERE delivery_status IN ('Failed', 'Rejected', 'AbsentSubscriber', 'Expired'))
                       AS undelivered
            FROM sms_outbox WHERE created_at >= :since
            GROUP BY 1 ORDER BY 1 DESC""")
    @RegisterConstructorMapper(Day.class)
    List<Day> perDay(@Bind("since") OffsetDateTime since);
}
