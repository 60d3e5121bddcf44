-- Made-up reports (`seed reports`) carry a reference of their own shape, S and 7 digits, so that: demo data can
-- never be taken for, or typed as, a reporter's 6-digit code; seeding never uses up the 900,000 codes reporters
-- draw from (a million seeded reports could not otherwise be stored at all, and filing would fail when the codes
-- run short); and seeded rows can be found and removed with one WHERE. Reporters still get 6 digits.
ALTER TABLE report DROP CONSTRAINT report_ref_check;
ALTER TABLE report ADD CONSTRAINT report_ref_check CHECK (ref ~ '^[0-9]{6}$' OR ref ~ '^S[0-9]{7}$');
