-- The fleet example's tables, beside the connector's own (connector_*). Idempotent: every worker runs it at start.

-- The merchants the fleet syncs: how many products each one's (generated) catalog has, and its revision.
-- Their keys, selected data space and sync state live in the connector's tables, keyed by merchant_id.
CREATE TABLE IF NOT EXISTS fleet_merchant (
    merchant_id text PRIMARY KEY,
    products integer NOT NULL CHECK (products >= 0),
    revision integer NOT NULL DEFAULT 0 CHECK (revision >= 0),
    added_at timestamp with time zone NOT NULL DEFAULT clock_timestamp()
);

-- db-scheduler 16.x's task table, under the name it uses by default. One row per task instance (here one per
-- merchant): when it runs next, which worker picked it and when that worker last showed it was alive.
CREATE TABLE IF NOT EXISTS scheduled_tasks (
    task_name text NOT NULL,
    task_instance text NOT NULL,
    task_data bytea,
    execution_time timestamp with time zone NOT NULL,
    picked boolean NOT NULL,
    picked_by text,
    last_success timestamp with time zone,
    last_failure timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat timestamp with time zone,
    version bigint NOT NULL,
    priority smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX IF NOT EXISTS scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX IF NOT EXISTS scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX IF NOT EXISTS scheduled_tasks_priority_execution_time_idx
    ON scheduled_tasks (priority DESC, execution_time ASC);
