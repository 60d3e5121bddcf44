-- The services and gaps a report names. Codes are what menus save and what exports show; labels live in menus/.
CREATE TABLE service (
    code     text PRIMARY KEY,
    position smallint NOT NULL UNIQUE
);
INSERT INTO service (code, position) VALUES
    ('police', 1), ('health', 2), ('justice', 3), ('local_leaders', 4), ('shelter', 5), ('other', 6);

CREATE TABLE gap (
    code     text PRIMARY KEY,
    position smallint NOT NULL UNIQUE
);
INSERT INTO gap (code, position) VALUES
    ('not_available', 1), ('no_response', 2), ('asked_to_pay', 3), ('treated_badly', 4),
    ('not_followed_up', 5), ('other', 6);

-- One report of a service gap. Anonymous: the reporter is only a keyed hash of the phone number, used to let
-- them delete their own report by its reference and to limit repeats; never a name, never the number.
CREATE TABLE report (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ref           text NOT NULL UNIQUE CHECK (ref ~ '^[0-9]{6}$'),
    channel       text NOT NULL CHECK (channel IN ('ussd', 'sms')),
    session_id    text UNIQUE,               -- the USSD session that filed it: an AT retry never files twice
    phone_hash    bytea NOT NULL,
    district_id   smallint NOT NULL REFERENCES district (id),
    sector_id     smallint REFERENCES sector (id),
    service       text NOT NULL REFERENCES service (code),
    gap           text NOT NULL REFERENCES gap (code),
    language      text NOT NULL CHECK (language IN ('rw', 'en', 'fr')),
    comment       text CHECK (length(comment) <= 500),
    quote_consent boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_created ON report (created_at);
CREATE INDEX report_district_created ON report (district_id, created_at);
CREATE INDEX report_phone ON report (phone_hash);

-- The language a (hashed) number chose, so the next session opens in it.
CREATE TABLE phone_preference (
    phone_hash bytea PRIMARY KEY,
    language   text NOT NULL CHECK (language IN ('rw', 'en', 'fr')),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Where a free-text answer that itself contains '*' starts and ends in a session's text, so any instance can
-- split that text correctly when it replays a session it has not seen. Rows are only needed for minutes.
CREATE TABLE ussd_free_text (
    session_id   text NOT NULL,
    start_offset integer NOT NULL,
    end_offset   integer NOT NULL CHECK (end_offset >= start_offset),
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (session_id, start_offset)
);
CREATE INDEX ussd_free_text_created ON ussd_free_text (created_at);

-- Africa's Talking end-of-session notifications, for the drop-off view. No phone number and no input: the
-- input holds free text; last_screen is recomputed from it and the input itself is not kept.
CREATE TABLE ussd_session (
    session_id   text PRIMARY KEY,
    status       text NOT NULL,
    service_code text,
    network_code text,
    hops         integer,
    duration_ms  bigint,
    cost         text,
    error        text,
    last_screen  text,
    ended_at     timestamptz,
    received_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ussd_session_received ON ussd_session (received_at);
