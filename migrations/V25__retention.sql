-- Retention (Rwanda law 058/2021, art. 52): free text and encrypted numbers are purged after
-- IJWI_RETENTION_DAYS; counts stay. Purged SMS and campaign comments keep their row (for the counts) without text.
ALTER TABLE sms_inbound ALTER COLUMN text DROP NOT NULL;
ALTER TABLE sms_inbound ADD COLUMN purged_at timestamptz;
ALTER TABLE campaign_comment ALTER COLUMN text DROP NOT NULL;
ALTER TABLE report ADD COLUMN purged_at timestamptz;
