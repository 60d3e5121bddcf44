-- SMS (issue 4). Numbers are kept as the keyed hash; the few places that must reach a number again hold it
-- encrypted (AES-GCM, key derived from the secret key) and drop it as soon as it is no longer needed.

-- Every inbound SMS, stored once per provider message id before the callback is acknowledged, then routed by
-- the inbound worker. reply_to is the sender's number, encrypted, kept only until the message is processed
-- (a reply or a JOIN needs it); text is needed for routing and review and is purged by the retention job.
CREATE TABLE sms_inbound (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider_id   text NOT NULL UNIQUE,
    phone_hash    bytea NOT NULL,
    reply_to      bytea,
    short_code    text,
    network_code  text,
    text          text NOT NULL,
    provider_date timestamptz,
    received_at   timestamptz NOT NULL,
    processed_at  timestamptz,
    outcome       text,
    campaign_id   bigint
);
CREATE INDEX sms_inbound_waiting ON sms_inbound (id) WHERE processed_at IS NULL;
CREATE INDEX sms_inbound_phone ON sms_inbound (phone_hash);
CREATE INDEX sms_inbound_outcome ON sms_inbound (outcome, received_at);

-- Numbers that asked for no SMS at all (STOP, or AT's bulk opt-out). Checked when each message is sent.
CREATE TABLE sms_opt_out (
    phone_hash   bytea PRIMARY KEY,
    source       text NOT NULL CHECK (source IN ('keyword', 'provider')),
    opted_out_at timestamptz NOT NULL
);

-- People who texted JOIN <district>: the only numbers Ijwi keeps in a form it can use again. STOP deletes them.
CREATE TABLE sms_subscriber (
    phone_hash      bytea NOT NULL,
    district_id     smallint NOT NULL REFERENCES district (id),
    phone_encrypted bytea NOT NULL,
    language        text NOT NULL CHECK (language IN ('rw', 'en', 'fr')),
    subscribed_at   timestamptz NOT NULL,
    PRIMARY KEY (phone_hash, district_id)
);
CREATE INDEX sms_subscriber_district ON sms_subscriber (district_id);

-- The last reply sent to a number, so a number gets at most one reply a minute.
CREATE TABLE sms_reply_limit (
    phone_hash    bytea PRIMARY KEY,
    last_reply_at timestamptz NOT NULL
);

-- Every outbound SMS, written in the same transaction as its cause and sent by the outbox worker.
-- state: queued -> sending -> sent | failed; queued -> skipped (opted out at send time). A row left in
-- 'sending' by a crash is never sent again automatically: sending twice is worse than not at all.
-- phone_encrypted is cleared once the row can no longer be sent.
CREATE TABLE sms_outbox (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    phone_hash          bytea NOT NULL,
    phone_encrypted     bytea,
    text                text NOT NULL CHECK (length(text) BETWEEN 1 AND 1600),
    cause               text NOT NULL,
    inbound_id          bigint REFERENCES sms_inbound (id),
    state               text NOT NULL DEFAULT 'queued'
                        CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'skipped')),
    attempts            integer NOT NULL DEFAULT 0,
    next_attempt_at     timestamptz NOT NULL,
    last_error          text,
    provider_message_id text,
    cost                text,
    delivery_status     text,
    delivery_rank       smallint NOT NULL DEFAULT 0,
    failure_reason      text,
    created_at          timestamptz NOT NULL,
    sent_at             timestamptz,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX sms_outbox_due ON sms_outbox (next_attempt_at, id) WHERE state = 'queued';
CREATE INDEX sms_outbox_message ON sms_outbox (provider_message_id) WHERE provider_message_id IS NOT NULL;
CREATE INDEX sms_outbox_phone ON sms_outbox (phone_hash);

-- Delivery reports as received, once per (message id, status); the outbox row keeps the furthest status. A
-- report can arrive before the send's answer is recorded; it is applied when the message id is.
CREATE TABLE sms_delivery_report (
    provider_message_id text NOT NULL,
    status              text NOT NULL,
    rank                smallint NOT NULL,
    failure_reason      text,
    network_code        text,
    received_at         timestamptz NOT NULL,
    PRIMARY KEY (provider_message_id, status)
);
