-- People who use the dashboard and API: admins (everything), coordinators (their districts), viewers
-- (suppressed aggregates only). Passwords are argon2id hashes; API tokens and session ids are stored only as
-- SHA-256 hashes, so a copy of the database does not let anyone in.
CREATE TABLE app_user (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,39}$'),
    password_hash text NOT NULL,
    role          text NOT NULL CHECK (role IN ('admin', 'coordinator', 'viewer')),
    disabled      boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_district (
    user_id     bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    district_id smallint NOT NULL REFERENCES district (id),
    PRIMARY KEY (user_id, district_id)
);

CREATE TABLE api_token (
    token_hash bytea PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_used  timestamptz
);

-- Server-side sessions, so any instance can serve any request and logout is real.
CREATE TABLE web_session (
    id_hash    bytea PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    csrf_token text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_seen  timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);
CREATE INDEX web_session_expires ON web_session (expires_at);

-- A one-time link printed at first start to create the first admin.
CREATE TABLE setup_token (
    token_hash bytea PRIMARY KEY,
    expires_at timestamptz NOT NULL
);

-- Who did what and when: logins, exports, views of free text, changes to users and commitments.
-- Never free text itself, never a phone number.
CREATE TABLE audit_log (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at       timestamptz NOT NULL DEFAULT now(),
    username text,
    action   text NOT NULL,
    detail   text,
    address  text
);
CREATE INDEX audit_log_at ON audit_log (at);
