--liquibase formatted sql
--changeset commerce-services-connector:4
-- Commerce Services connector (connector-jdbc), schema version 4: the checkpoint of a resync that has not
-- finished, per data space and feed (when it started, and how many leading items of the caller's order have a
-- final outcome), so that an interrupted resync can be resumed. Both NULL when no resync is unfinished. Safe to
-- run twice.

ALTER TABLE connector_sync_feed ADD COLUMN IF NOT EXISTS resync_started timestamptz;
ALTER TABLE connector_sync_feed ADD COLUMN IF NOT EXISTS resync_confirmed bigint;
