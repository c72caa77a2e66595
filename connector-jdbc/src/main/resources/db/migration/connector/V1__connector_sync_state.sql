--liquibase formatted sql
--changeset commerce-services-connector:1
-- Commerce Services connector (connector-jdbc), schema version 1: the catalog sync state that
-- JdbcSyncStateStore keeps, shared by every worker. Safe to run twice. Every name starts with the table
-- prefix "connector_"; JdbcStores.createSchemaIfMissing writes another prefix in its place when given one.

-- Fencing tokens: every lease taken gets the next one, so a token is never given twice.
CREATE SEQUENCE IF NOT EXISTS connector_lease_token;

-- One lease per data space and feed: the worker that may write its sync state, and until when.
CREATE TABLE IF NOT EXISTS connector_sync_lease (
    data_space_id text        NOT NULL,
    feed          text        NOT NULL,
    owner_id      text        NOT NULL,
    token         bigint      NOT NULL,
    acquired_at   timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    PRIMARY KEY (data_space_id, feed)
);

-- One row per data space and feed that holds state.
CREATE TABLE IF NOT EXISTS connector_sync_feed (
    feed_id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    data_space_id   text   NOT NULL,
    feed            text   NOT NULL,
    identity_fields text[] NOT NULL,
    last_full_sync  timestamptz,
    UNIQUE (data_space_id, feed)
);

-- One row per item the gateway may hold. status: 0 accepted, 1 rejected, 2 retryable, 3 unconfirmed (sent,
-- no answer recorded). identity_values: the item's identity values separated by U+001F (inside a value, a
-- backslash is written as two, a U+001F as backslash and underscore). payload: the JSON to resend of a
-- retryable item, zlib-compressed.
CREATE TABLE IF NOT EXISTS connector_sync_item (
    feed_id         bigint      NOT NULL,
    identity_hash   bigint      NOT NULL,
    content_hash    bigint      NOT NULL,
    status          smallint    NOT NULL,
    attempted_at    timestamptz NOT NULL,
    identity_values text        NOT NULL,
    reason          text,
    payload         bytea,
    PRIMARY KEY (feed_id, identity_hash)
);

-- The batches on their way to the gateway: written just before a request goes out, deleted by the transaction
-- that records the gateway's answer. A batch left here by a worker that died is read by the next one: its items
-- become unconfirmed (sent, no answer recorded). identity_values: one text per item, as in connector_sync_item.
CREATE TABLE IF NOT EXISTS connector_sync_sending (
    feed_id         bigint      NOT NULL,
    token           bigint      NOT NULL,
    batch           bigint      NOT NULL,
    identity_hashes bigint[]    NOT NULL,
    content_hashes  bigint[]    NOT NULL,
    identity_values text[]      NOT NULL,
    attempted_at    timestamptz NOT NULL,
    PRIMARY KEY (feed_id, token, batch)
);
