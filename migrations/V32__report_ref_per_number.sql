-- A report's 6-digit reference is unique per reporter's number, not across all reports (issue 13). Globally the
-- 900,000 codes ran short after about 800,000 reports (a draw failed after 20 taken codes); the reference is only
-- ever used together with the number it was given to (deleting a report needs the reporter's own number), so
-- two callers may hold the same one. Seeded references (S and 7 digits) stay apart from reporters' by shape.
ALTER TABLE report DROP CONSTRAINT report_ref_key;
CREATE UNIQUE INDEX report_ref_per_number ON report (phone_hash, ref);
