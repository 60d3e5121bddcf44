-- SMS inbox review (issue 4): an inbound message routed to the inbox is coded into the review categories and
-- marked handled. created_at of the outbox gets an index for the per-day delivery figures.
ALTER TABLE sms_inbound ADD COLUMN codes text[] NOT NULL DEFAULT '{}';
ALTER TABLE sms_inbound ADD COLUMN handled_at timestamptz;
ALTER TABLE sms_inbound ADD COLUMN handled_by text;

CREATE INDEX sms_outbox_created ON sms_outbox (created_at);
