-- Issue 13, Africa's Talking answers that used to lose messages.

-- The provider refused to send for the account as a whole (no credit, a risk hold): sending pauses and
-- the dashboard says so until a later send is accepted. One row per kind, never who or what.
CREATE TABLE sms_account_notice (
    kind  text PRIMARY KEY CHECK (kind IN ('no_credit', 'held')),
    since timestamptz NOT NULL
);

-- A person's text is never a reason to refuse a callback (a refused one is lost after AT's retries): control
-- characters and U+FFFD are removed and an over-long text cut, and the row says which happened (NULL: as sent).
ALTER TABLE sms_inbound ADD COLUMN text_altered text
    CHECK (text_altered IN ('cleaned', 'truncated', 'cleaned and truncated'));
ALTER TABLE ussd_session ADD COLUMN error_altered text
    CHECK (error_altered IN ('cleaned', 'truncated', 'cleaned and truncated'));

-- Premium on-demand shortcodes: a reply must quote the linkId of the message it answers (InvalidLinkId otherwise).
ALTER TABLE sms_inbound ADD COLUMN link_id text;
