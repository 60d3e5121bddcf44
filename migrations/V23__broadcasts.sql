-- Broadcasts (issue 4): a "you said / we did" update sent to the JOIN subscribers of one district. The figures
-- are those of the preview the coordinator confirmed; confirmation is the one-time value of that preview's form,
-- so a form sent twice (a double click, a reload) sends nothing more.
CREATE TABLE broadcast (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    district_id    smallint NOT NULL REFERENCES district (id),
    commitment_id  bigint REFERENCES commitment (id),
    text           text NOT NULL CHECK (length(text) BETWEEN 1 AND 1600),
    unicode        boolean NOT NULL,
    segments       smallint NOT NULL CHECK (segments >= 1),
    recipients     integer NOT NULL CHECK (recipients >= 0),
    price          numeric(12, 4) NOT NULL,
    cost           numeric(14, 4) NOT NULL,
    confirmation   text NOT NULL UNIQUE,
    created_by     text NOT NULL,
    created_at     timestamptz NOT NULL
);
CREATE INDEX broadcast_district ON broadcast (district_id, created_at);

-- Each outbox row of a broadcast points to it, for the progress view.
ALTER TABLE sms_outbox ADD COLUMN broadcast_id bigint REFERENCES broadcast (id);
CREATE INDEX sms_outbox_broadcast ON sms_outbox (broadcast_id) WHERE broadcast_id IS NOT NULL;
