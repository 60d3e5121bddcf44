-- Confirming a broadcast to 100,000 subscribers wrote every outbox row inside the coordinator's request (5-8 s,
-- issue 13). Now the confirmation commits the broadcast row at once and a background job fills the outbox, 1,000
-- rows per transaction; these columns are the job's progress: rows in the outbox so far, and when the last went
-- in (NULL while it runs; a restart resumes broadcasts left NULL).
ALTER TABLE broadcast ADD COLUMN enqueued integer NOT NULL DEFAULT 0 CHECK (enqueued >= 0),
                      ADD COLUMN enqueued_at timestamptz;
UPDATE broadcast SET enqueued = recipients, enqueued_at = created_at;
CREATE INDEX broadcast_enqueuing ON broadcast (id) WHERE enqueued_at IS NULL;
