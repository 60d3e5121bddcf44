-- Issue 13, Africa's Talking answers that used to lose messages.

-- The provider refused to send for the account as a whole (no credit, a risk hold): sending pauses and
-- the dashboard says so until a later send is accepted. One row per kind, never who or what.
CREATE TABLE sms_account_notice (
    kind  text PRIMARY KEY CHECK (kind IN ('no_credit', 'held')),
    since timestamptz NOT NULL
);
