-- Issue 12: ANALYZE copies sample values (most common values, histogram bounds) of every column into
-- pg_statistic, where a redacted or purged comment, SMS text or phone hash would outlive its row. These
-- columns are never filtered by range or grouped, so the planner's defaults serve as well as statistics.
ALTER TABLE report ALTER COLUMN comment SET STATISTICS 0, ALTER COLUMN phone_hash SET STATISTICS 0;
ALTER TABLE sms_inbound ALTER COLUMN text SET STATISTICS 0, ALTER COLUMN phone_hash SET STATISTICS 0,
    ALTER COLUMN reply_to SET STATISTICS 0;
ALTER TABLE sms_outbox ALTER COLUMN text SET STATISTICS 0, ALTER COLUMN phone_hash SET STATISTICS 0,
    ALTER COLUMN phone_encrypted SET STATISTICS 0;
ALTER TABLE campaign_comment ALTER COLUMN text SET STATISTICS 0, ALTER COLUMN phone_hash SET STATISTICS 0;
ALTER TABLE campaign_vote ALTER COLUMN phone_hash SET STATISTICS 0;
ALTER TABLE sms_subscriber ALTER COLUMN phone_hash SET STATISTICS 0, ALTER COLUMN phone_encrypted SET STATISTICS 0;
ALTER TABLE phone_preference ALTER COLUMN phone_hash SET STATISTICS 0;
ALTER TABLE sms_opt_out ALTER COLUMN phone_hash SET STATISTICS 0;
ALTER TABLE sms_reply_limit ALTER COLUMN phone_hash SET STATISTICS 0;

-- Statistics gathered before this migration stay until removed; only a superuser may (the embedded
-- PostgreSQL's user is one). Elsewhere a NOTICE says so and README "Removed text" has the line to run.
DO $$
BEGIN
    DELETE FROM pg_statistic s
    USING pg_attribute a
    WHERE a.attrelid = s.starelid AND a.attnum = s.staattnum AND a.attstattarget = 0
      AND s.starelid IN ('report'::regclass, 'sms_inbound'::regclass, 'sms_outbox'::regclass,
                         'campaign_comment'::regclass, 'campaign_vote'::regclass, 'sms_subscriber'::regclass,
                         'phone_preference'::regclass, 'sms_opt_out'::regclass, 'sms_reply_limit'::regclass);
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'old statistics of free-text columns kept: only a superuser can delete them (see README)';
END $$;
