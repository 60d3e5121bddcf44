-- Where a report came from (issue 11), so that no figure can be dismissed as made of demos and trials:
--   live       a reporter's phone, through Africa's Talking;
--   simulator  the dashboard's phone simulator: its USSD sessions are 'sim-<user>-<browser>' (SimulatorPage makes
--              them; Africa's Talking's never start so). Left out of every count: not rolled up below, so not in
--              the summary, the pages, the exports or the monthly releases; listed on /simulator/reports.
--   seed       made-up demo data (`ijwi seed reports`), references 'S' and 7 digits (V27). Counted, so a demo shows
--              figures, and pages tell exact readers how many of the figures are demo reports.
-- Derived from those facts rather than written by each path that stores a report, so none can forget it.
ALTER TABLE report ADD COLUMN origin text NOT NULL GENERATED ALWAYS AS (
    CASE WHEN ref LIKE 'S%' THEN 'seed' WHEN session_id LIKE 'sim-%' THEN 'simulator' ELSE 'live' END) STORED;
CREATE INDEX report_simulator ON report (created_at) WHERE origin = 'simulator';
CREATE INDEX report_seeded ON report (district_id, created_at) WHERE origin = 'seed';

-- Whether the same (hashed) number filed another report in the 30 days before this one, decided when it is filed.
-- Repeats are counted and flagged, not dropped (docs/disclosure.md, "Repeats"): a second report may be a second
-- failure; exact readers see how many repeat an earlier one, never which number.
ALTER TABLE report ADD COLUMN repeats_earlier boolean NOT NULL DEFAULT false;
CREATE INDEX report_repeats ON report (district_id, created_at) WHERE repeats_earlier;

-- The roll-ups count what the figures count: everything but the simulator's reports.
CREATE OR REPLACE FUNCTION report_rollup_note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO report_rollup_pending (day, district_id, sector_id, service, gap, channel, n)
        SELECT (created_at AT TIME ZONE 'Africa/Kigali')::date, district_id, sector_id, service, gap, channel, count(*)
        FROM new_rows
        WHERE origin <> 'simulator'
        GROUP BY 1, 2, 3, 4, 5, 6;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO report_rollup_pending (day, district_id, sector_id, service, gap, channel, n)
        SELECT (created_at AT TIME ZONE 'Africa/Kigali')::date, district_id, sector_id, service, gap, channel, -count(*)
        FROM old_rows
        WHERE origin <> 'simulator'
        GROUP BY 1, 2, 3, 4, 5, 6;
    ELSE
        -- Reviews and the retention purge update reports without moving them: nothing is appended for them.
        INSERT INTO report_rollup_pending (day, district_id, sector_id, service, gap, channel, n)
        SELECT day, district_id, sector_id, service, gap, channel, sum(n)
        FROM (SELECT (created_at AT TIME ZONE 'Africa/Kigali')::date AS day, district_id, sector_id, service, gap,
                     channel, 1 AS n
              FROM new_rows
              WHERE origin <> 'simulator'
              UNION ALL
              SELECT (created_at AT TIME ZONE 'Africa/Kigali')::date, district_id, sector_id, service, gap,
                     channel, -1
              FROM old_rows
              WHERE origin <> 'simulator') changed
        GROUP BY 1, 2, 3, 4, 5, 6
        HAVING sum(n) <> 0;
    END IF;
    RETURN NULL;
END $$;

-- Simulator reports stored before this migration leave the counts.
INSERT INTO report_rollup_pending (day, district_id, sector_id, service, gap, channel, n)
SELECT (created_at AT TIME ZONE 'Africa/Kigali')::date, district_id, sector_id, service, gap, channel, -count(*)
FROM report
WHERE origin = 'simulator'
GROUP BY 1, 2, 3, 4, 5, 6;
SELECT fold_report_rollups();

-- Broadcasts of a commitment go to each subscriber in their language (issue 11): the text per language, when it
-- differs by language; text keeps the first of them.
ALTER TABLE broadcast ADD COLUMN texts jsonb;

-- Made-up subscribers (`ijwi seed subscribers`, for measuring a broadcast at size) are marked, so a broadcast's
-- preview says how many of its recipients are demo numbers. A real JOIN of the same number clears the mark.
ALTER TABLE sms_subscriber ADD COLUMN demo boolean NOT NULL DEFAULT false;
