--liquibase formatted sql
--changeset commerce-services-connector:5
-- Commerce Services connector (connector-jdbc), schema version 5: the algorithm of the content hashes each data
-- space and feed holds (0: the first 64 bits of SHA-256, what every row made before this version holds; 1: XXH3,
-- 64 bits, what the connector gives each row it creates from this version on), so that a faster hash does not
-- make every item of an existing state look changed. Safe to run twice.

ALTER TABLE connector_sync_feed ADD COLUMN IF NOT EXISTS content_hash_algorithm smallint NOT NULL DEFAULT 0;
