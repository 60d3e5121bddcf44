-- What officials committed to at district dialogues, and how it stands. Read on USSD ("what was promised in
-- my district"); managed from the dashboard.
CREATE TABLE commitment (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    district_id smallint NOT NULL REFERENCES district (id),
    sector_id   smallint REFERENCES sector (id),
    actor       text NOT NULL CHECK (length(actor) BETWEEN 1 AND 120),
    promise     text NOT NULL CHECK (length(promise) BETWEEN 1 AND 500),
    service     text REFERENCES service (code),
    gap         text REFERENCES gap (code),
    due_date    date,
    status      text NOT NULL DEFAULT 'pledged' CHECK (status IN ('pledged', 'in_progress', 'done', 'dropped')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX commitment_district ON commitment (district_id, created_at);
