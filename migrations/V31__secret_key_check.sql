-- The fingerprint of the secret key this database was made with (issue 13): HMAC-SHA256 of a constant under the
-- key, so the key itself is not stored. Start-up compares it with the configured key and stops on a mismatch,
-- which would otherwise make every stored hash silently stop matching. One row; written at the first start (or
-- the first after this migration) and moved by `privacy rotate-key`.
CREATE TABLE secret_key_check (
    one         boolean PRIMARY KEY DEFAULT true CHECK (one),
    fingerprint bytea NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
