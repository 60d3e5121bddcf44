-- Counts of reports kept ready for the dashboard's cube (issue 6), so a year's tables read a few thousand rows
-- instead of scanning a million reports. One row per bucket x grouping set x key, where a bucket is a Rwanda day
-- (days = 1) or an aligned run of 2^k ISO weeks (days = 7 << k, k = 0..5, counted in weeks from Monday
-- 1970-01-05). grouping_set has the bits of GROUPING(district_id, sector_id, service, gap, channel, week): the
-- sets AggregateDao serves: (district, sector) 15, (district, service) 23, (district, gap) 27, (district, channel)
-- 29, (district, week) 30, (service, gap) 51, (service, channel) 53, (service, week) 54. The two week sets ((district, week), (service, week)) keep only day and single-week
-- buckets, because a longer run would lose the week. Keys a set does not use are NULL; in the sector set a NULL
-- sector is the unknown sector.
CREATE TABLE report_rollup (
    first_day    date NOT NULL,
    days         integer NOT NULL,
    grouping_set smallint NOT NULL,
    district_id  smallint,
    sector_id    smallint,
    service      text,
    gap          text,
    channel      text,
    n            integer NOT NULL,          -- integer, not bigint: sum() of it is a bigint, not a slower numeric
    CONSTRAINT report_rollup_key UNIQUE NULLS NOT DISTINCT
        (first_day, days, grouping_set, district_id, sector_id, service, gap, channel)
);

-- What changed in report since the last fold, one row per statement and key: cheap to append at insert time and
-- free of hot rows (every insert would otherwise update the same few roll-up rows). Read together with the
-- roll-ups, so counts are exact before a fold; folded into them by fold_report_rollups().
CREATE TABLE report_rollup_pending (
    day         date NOT NULL,
    district_id smallint NOT NULL,
    sector_id   smallint,
    service     text NOT NULL,
    gap         text NOT NULL,
    channel     text NOT NULL,
    n           integer NOT NULL
) WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000);

CREATE FUNCTION report_rollup_note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO report_rollup_pending (day, district_id, sector_id, service, gap, channel, n)
        SELECT (created_at AT TIME ZONE 'Africa/Kigali')::date, district_id, sector_id, service, gap, channel, count(*)
        FROM new_rows
        GROUP BY 1, 2, 3, 4, 5, 6;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO report_rollup_pending (day, district_id, sector_id, service, gap, channel, n)
        SELECT (created_at AT TIME ZONE 'Africa/Kigali')::date, district_id, sector_id, service, gap, channel, -count(*)
        FROM old_rows
        GROUP BY 1, 2, 3, 4, 5, 6;
    ELSE
        -- Reviews and the retention purge update reports without moving them: nothing is appended for them.
        INSERT INTO report_rollup_pending (day, district_id, sector_id, service, gap, channel, n)
        SELECT day, district_id, sector_id, service, gap, channel, sum(n)
        FROM (SELECT (created_at AT TIME ZONE 'Africa/Kigali')::date AS day, district_id, sector_id, service, gap,
                     channel, 1 AS n
              FROM new_rows
              UNION ALL
              SELECT (created_at AT TIME ZONE 'Africa/Kigali')::date, district_id, sector_id, service, gap,
                     channel, -1
              FROM old_rows) changed
        GROUP BY 1, 2, 3, 4, 5, 6
        HAVING sum(n) <> 0;
    END IF;
    RETURN NULL;
END $$;

-- PostgreSQL allows transition tables only on single-event triggers: one trigger per event.
CREATE TRIGGER report_rollup_insert AFTER INSERT ON report
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_note();
CREATE TRIGGER report_rollup_delete AFTER DELETE ON report
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_note();
CREATE TRIGGER report_rollup_update AFTER UPDATE ON report
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_rollup_note();

-- The buckets a day counts in: the day itself, then its week and the aligned runs of 2, 4 ... 32 weeks holding it
-- (only the week when weekly). Spans.java splits a period into the same buckets.
CREATE FUNCTION report_rollup_buckets(day date, weekly boolean) RETURNS TABLE (first_day date, days integer)
LANGUAGE sql IMMUTABLE AS $$
    SELECT day, 1
    UNION ALL
    SELECT DATE '1970-01-05' + 7 * ((((day - (extract(isodow FROM day)::integer - 1) - DATE '1970-01-05') / 7) >> k) << k),
           7 << k
    FROM generate_series(0, CASE WHEN weekly THEN 0 ELSE 5 END) AS k
$$;

-- Moves every pending delta into the roll-ups in one transaction; returns how many roll-up rows changed. Folds
-- take turns (an advisory lock), so two of them never upsert the same rows in different orders.
CREATE FUNCTION fold_report_rollups() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    changed bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('fold_report_rollups'));
    WITH taken AS (
        DELETE FROM report_rollup_pending RETURNING *
    ), by_day AS (
        SELECT day, district_id, sector_id, service, gap, channel,
               GROUPING(district_id, sector_id, service, gap, channel, week) AS grouping_set, sum(n) AS n
        FROM (SELECT t.*, date_trunc('week', t.day)::date AS week FROM taken t) t
        GROUP BY day, GROUPING SETS (
            (district_id, sector_id), (district_id, service), (district_id, gap), (district_id, channel),
            (district_id, week), (service, gap), (service, channel), (service, week))
    )
    INSERT INTO report_rollup AS r (first_day, days, grouping_set, district_id, sector_id, service, gap, channel, n)
    SELECT b.first_day, b.days, d.grouping_set, d.district_id, d.sector_id, d.service, d.gap, d.channel, sum(d.n)
    FROM by_day d
    CROSS JOIN LATERAL report_rollup_buckets(d.day, d.grouping_set & 1 = 0) b
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT ON CONSTRAINT report_rollup_key DO UPDATE SET n = r.n + excluded.n;
    GET DIAGNOSTICS changed = ROW_COUNT;
    RETURN changed;
END $$;

-- Reports stored before this migration.
INSERT INTO report_rollup_pending (day, district_id, sector_id, service, gap, channel, n)
SELECT (created_at AT TIME ZONE 'Africa/Kigali')::date, district_id, sector_id, service, gap, channel, count(*)
FROM report
GROUP BY 1, 2, 3, 4, 5, 6;
SELECT fold_report_rollups();
