-- Radio campaigns (issue 4): a poll run during a talk show, answered by SMS with a keyword.
CREATE TABLE campaign (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    station     text NOT NULL CHECK (length(station) BETWEEN 1 AND 120),
    show        text CHECK (length(show) <= 120),
    keyword     text NOT NULL CHECK (keyword ~ '^[A-Z0-9]{2,20}$'),
    question_rw text NOT NULL,
    question_en text NOT NULL,
    question_fr text NOT NULL,
    replies     jsonb NOT NULL DEFAULT '{}',
    opens_at    timestamptz NOT NULL,
    closes_at   timestamptz NOT NULL CHECK (closes_at > opens_at),
    created_at  timestamptz NOT NULL
);
CREATE INDEX campaign_keyword ON campaign (keyword, opens_at);
CREATE INDEX campaign_window ON campaign (closes_at, opens_at);

CREATE TABLE campaign_option (
    campaign_id bigint NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    code        text NOT NULL,
    position    smallint NOT NULL,
    label_rw    text NOT NULL,
    label_en    text NOT NULL,
    label_fr    text NOT NULL,
    aliases     text[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (campaign_id, code),
    UNIQUE (campaign_id, position)
);

-- One vote per (hashed) number per campaign; a later message replaces an earlier one, whatever order the
-- workers process them in (inbound_id decides).
CREATE TABLE campaign_vote (
    campaign_id bigint NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    phone_hash  bytea NOT NULL,
    option_code text NOT NULL,
    inbound_id  bigint NOT NULL REFERENCES sms_inbound (id),
    voted_at    timestamptz NOT NULL,
    PRIMARY KEY (campaign_id, phone_hash),
    FOREIGN KEY (campaign_id, option_code) REFERENCES campaign_option (campaign_id, code)
);
CREATE INDEX campaign_vote_option ON campaign_vote (campaign_id, option_code);

-- Free text sent with a campaign keyword. digest identifies identical texts for burst detection.
CREATE TABLE campaign_comment (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id bigint NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    inbound_id  bigint NOT NULL UNIQUE REFERENCES sms_inbound (id),
    phone_hash  bytea NOT NULL,
    text        text NOT NULL,
    digest      bytea NOT NULL,
    received_at timestamptz NOT NULL
);
CREATE INDEX campaign_comment_digest ON campaign_comment (campaign_id, digest, received_at);

-- The same text from many numbers within seconds: flagged for the coordinator, never blocked.
CREATE TABLE campaign_burst (
    campaign_id bigint NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    digest      bytea NOT NULL,
    numbers     integer NOT NULL,
    first_at    timestamptz NOT NULL,
    last_at     timestamptz NOT NULL,
    PRIMARY KEY (campaign_id, digest)
);

ALTER TABLE sms_inbound ADD FOREIGN KEY (campaign_id) REFERENCES campaign (id);
