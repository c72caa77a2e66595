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

--changeset commerce-services-connector:1-write splitStatements:false
-- One write of a feed's sync state, in one statement and so one round trip: takes the lease's advisory lock
-- shared (a takeover takes it exclusively), checks that the lease row still carries the writer's token (false,
-- and nothing written, when it does not), then inserts the items that have no row, upserts the others, deletes
-- the removed ones, deletes or trims the sent batches this write answers, and records the batch about to be
-- sent. Each statement of the function sees what committed before it began, so the check sees a takeover that
-- committed while the lock was awaited. search_path is the one the function was created under.
CREATE OR REPLACE FUNCTION connector_sync_write(
    p_lock_name text, p_data_space_id text, p_feed text, p_token bigint, p_feed_id bigint, p_attempted timestamptz,
    p_insert_hashes bigint[], p_insert_contents bigint[], p_insert_statuses smallint[], p_insert_values text[],
    p_insert_reasons text[], p_insert_payloads bytea[],
    p_upsert_hashes bigint[], p_upsert_contents bigint[], p_upsert_statuses smallint[], p_upsert_values text[],
    p_upsert_reasons text[], p_upsert_payloads bytea[],
    p_removed bigint[], p_answered bigint[], p_trimmed bigint[], p_resolved bigint[],
    p_batch bigint, p_batch_hashes bigint[], p_batch_contents bigint[], p_batch_values text[])
RETURNS boolean
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $$
DECLARE
    v_batch bigint;
    v_hashes bigint[];
    v_contents bigint[];
    v_values text[];
BEGIN
    PERFORM pg_advisory_xact_lock_shared(hashtextextended(p_lock_name, 0));
    PERFORM 1 FROM connector_sync_lease
     WHERE data_space_id = p_data_space_id AND feed = p_feed AND token = p_token;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    IF p_insert_hashes IS NOT NULL THEN
        INSERT INTO connector_sync_item (feed_id, identity_hash, content_hash, status, attempted_at, identity_values,
                                         reason, payload)
        SELECT p_feed_id, u.h, u.c, u.s, p_attempted, u.v, u.r, u.p
          FROM unnest(p_insert_hashes, p_insert_contents, p_insert_statuses, p_insert_values, p_insert_reasons,
                      p_insert_payloads) AS u(h, c, s, v, r, p);
    END IF;
    IF p_upsert_hashes IS NOT NULL THEN
        INSERT INTO connector_sync_item (feed_id, identity_hash, content_hash, status, attempted_at, identity_values,
                                         reason, payload)
        SELECT p_feed_id, u.h, u.c, u.s, p_attempted, u.v, u.r, u.p
          FROM unnest(p_upsert_hashes, p_upsert_contents, p_upsert_statuses, p_upsert_values, p_upsert_reasons,
                      p_upsert_payloads) AS u(h, c, s, v, r, p)
        ON CONFLICT (feed_id, identity_hash) DO UPDATE
           SET content_hash = EXCLUDED.content_hash, status = EXCLUDED.status, attempted_at = EXCLUDED.attempted_at,
               identity_values = EXCLUDED.identity_values, reason = EXCLUDED.reason, payload = EXCLUDED.payload;
    END IF;
    IF p_removed IS NOT NULL THEN
        DELETE FROM connector_sync_item WHERE feed_id = p_feed_id AND identity_hash = ANY (p_removed);
    END IF;
    IF p_answered IS NOT NULL THEN
        DELETE FROM connector_sync_sending WHERE feed_id = p_feed_id AND token = p_token AND batch = ANY (p_answered);
    END IF;
    FOREACH v_batch IN ARRAY coalesce(p_trimmed, '{}'::bigint[]) LOOP
        SELECT array_agg(u.h ORDER BY u.o), array_agg(u.c ORDER BY u.o), array_agg(u.v ORDER BY u.o)
          INTO v_hashes, v_contents, v_values
          FROM (SELECT * FROM connector_sync_sending
                 WHERE feed_id = p_feed_id AND token = p_token AND batch = v_batch FOR UPDATE) s,
               unnest(s.identity_hashes, s.content_hashes, s.identity_values) WITH ORDINALITY AS u(h, c, v, o)
         WHERE NOT (u.h = ANY (p_resolved));
        IF v_hashes IS NULL THEN
            DELETE FROM connector_sync_sending WHERE feed_id = p_feed_id AND token = p_token AND batch = v_batch;
        ELSE
            UPDATE connector_sync_sending
               SET identity_hashes = v_hashes, content_hashes = v_contents, identity_values = v_values
             WHERE feed_id = p_feed_id AND token = p_token AND batch = v_batch;
        END IF;
    END LOOP;
    IF p_batch IS NOT NULL THEN
        INSERT INTO connector_sync_sending (feed_id, token, batch, identity_hashes, content_hashes, identity_values,
                                            attempted_at)
        VALUES (p_feed_id, p_token, p_batch, p_batch_hashes, p_batch_contents, p_batch_values, p_attempted)
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN true;
END
$$;
