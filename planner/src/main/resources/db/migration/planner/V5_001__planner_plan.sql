-- Plans computed by the planner: the request as given and the outcome as returned, kept so that a
-- plan can be reopened, compared and exported later.
CREATE TABLE planner_plan (
    id             uuid        PRIMARY KEY,
    created_at     timestamptz NOT NULL DEFAULT now(),
    created_by     text        NOT NULL DEFAULT '',
    boundary_code  text        NOT NULL,
    title          text        NOT NULL DEFAULT '',
    request        jsonb       NOT NULL,
    outcome        jsonb       NOT NULL
);
CREATE INDEX planner_plan_created_idx ON planner_plan (created_at DESC);
