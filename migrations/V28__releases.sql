-- Releases (issue 10): what readers without exact access are shown of a calendar month, computed once the month
-- has ended, audited, and then read by every page, API answer, CSV and brief, so that a figure is the same
-- everywhere and for ever. Only published forms are kept: a count (exact), "<" (fewer than k, zeros too) or a
-- range [lo, hi] (hi null when open). Quarters and years are sums of these months, never computed afresh.
CREATE TABLE release (
    month        date NOT NULL CHECK (extract(day FROM month) = 1),
    k            integer NOT NULL CHECK (k >= 2),
    figures      jsonb NOT NULL,
    primaries    integer NOT NULL,   -- small counts (1 to k-1) the audit proved
    complements  integer NOT NULL,   -- counts of k or more hidden to protect them
    cells        integer NOT NULL,   -- figures published in all
    views        integer NOT NULL,   -- readers audited: the public and each coordinator's districts
    programs     integer NOT NULL,   -- linear programs solved
    millis       bigint NOT NULL,
    computed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (month, k)
);
