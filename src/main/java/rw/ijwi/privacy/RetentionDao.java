package rw.ijwi.privacy;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** The purges retention asks for: free text and encrypted numbers older than the period; counts are kept. */
public interface RetentionDao {

    /** How many rows each purge touched. */
    record Purged(int comments, int smsTexts, int campaignComments, int replyAddresses, int outboxNumbers,
            int subscribers) {
        public int total() {
            return comments + smsTexts + campaignComments + replyAddresses + outboxNumbers + subscribers;
        }
    }

    @SqlUpdate("""
            UPDATE report SET comment = NULL, quote_approved = false, purged_at = now()
            WHERE comment IS NOT NULL AND created_at < now() - make_interval(days => :days)""")
    int purgeComments(@Bind("days") int days);

    @SqlUpdate("""
            UPDATE sms_inbound SET text = NULL, purged_at = now()
            WHERE text IS NOT NULL AND processed_at IS NOT NULL AND received_at < now() - make_interval(days => :days)""")
    int purgeSmsTexts(@Bind("days") int days);

    @SqlUpdate("""
            UPDATE campaign_comment SET text = NULL
            WHERE text IS NOT NULL AND received_at < now() - make_interval(days => :days)""")
    int purgeCampaignComments(@Bind("days") int days);

    @SqlUpdate("""
            UPDATE sms_inbound SET reply_to = NULL
            WHERE reply_to IS NOT NULL AND received_at < now() - make_interval(days => :days)""")
    int purgeReplyAddresses(@Bind("days") int days);

    @SqlUpdate("""
            UPDATE sms_outbox SET phone_encrypted = NULL
            WHERE phone_encrypted IS NOT NULL AND state <> 'queued' AND created_at < now() - make_interval(days => :days)""")
    int purgeOutboxNumbers(@Bind("days") int days);

    /** Subscriptions older than the period end: the encrypted number goes; the person may JOIN again. */
    @SqlUpdate("DELETE FROM sms_subscriber WHERE subscribed_at < now() - make_interval(days => :days)")
    int purgeSubscribers(@Bind("days") int days);

    @Transaction
    default Purged purge(int days) {
        return new Purged(purgeComments(days), purgeSmsTexts(days), purgeCampaignComments(days),
                purgeReplyAddresses(days), purgeOutboxNumbers(days), purgeSubscribers(days));
    }
}
