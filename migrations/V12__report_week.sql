-- The ISO week of a report in Rwanda's calendar (its Monday), stored once so the dashboard's grouping-sets
-- query neither recomputes it per row nor misjudges how many weeks there are (statistics on a column).
ALTER TABLE report
    ADD COLUMN week date GENERATED ALWAYS AS ((date_trunc('week', created_at AT TIME ZONE 'Africa/Kigali'))::date) STORED;
