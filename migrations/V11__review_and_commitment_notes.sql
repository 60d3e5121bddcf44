-- Free-text review: a coordinator codes a comment into categories, may approve it as quotable (only where
-- the reporter consented), or redact it (the text is removed for good, the count stays).
ALTER TABLE report
    ADD COLUMN codes          text[] NOT NULL DEFAULT '{}',
    ADD COLUMN quote_approved boolean NOT NULL DEFAULT false,
    ADD COLUMN reviewed_at    timestamptz,
    ADD COLUMN reviewed_by    text,
    ADD CONSTRAINT quote_needs_consent CHECK (NOT quote_approved OR (quote_consent AND comment IS NOT NULL));
CREATE INDEX report_unreviewed ON report (district_id, created_at) WHERE comment IS NOT NULL AND reviewed_at IS NULL;

-- Dated notes on a commitment: what was seen, said or done, and by whom.
CREATE TABLE commitment_note (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    commitment_id bigint NOT NULL REFERENCES commitment (id) ON DELETE CASCADE,
    noted_on      date NOT NULL DEFAULT current_date,
    note          text NOT NULL CHECK (length(note) BETWEEN 1 AND 1000),
    author        text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX commitment_note_commitment ON commitment_note (commitment_id, noted_on);
