-- People who log in to Sightline. Passwords are stored only as bcrypt hashes.
CREATE TABLE app_user (
    id             bigserial PRIMARY KEY,
    username       text        NOT NULL UNIQUE CHECK (username ~ '^[A-Za-z0-9._-]{3,64}$'),
    password_hash  text        NOT NULL,
    roles          text[]      NOT NULL DEFAULT '{}',
    covert_cleared boolean     NOT NULL DEFAULT false,
    enabled        boolean     NOT NULL DEFAULT true,
    failed_logins  integer     NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
    locked_until   timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    last_login_at  timestamptz,
    CONSTRAINT app_user_roles_known CHECK (roles <@ ARRAY['OPERATOR','PLANNER','ENGINEER','SUPERVISOR','ADMIN']::text[])
);
