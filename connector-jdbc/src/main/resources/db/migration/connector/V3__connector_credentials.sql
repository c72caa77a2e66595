--liquibase formatted sql
--changeset commerce-services-connector:3
-- Commerce Services connector (connector-jdbc), schema version 3: the API key pairs of each installation, kept
-- by JdbcCredentialStore. The key pair is AES-GCM encrypted with a key only the application holds: no column
-- holds a private key, a passphrase or a whole API key in plain text. Safe to run twice.

CREATE TABLE IF NOT EXISTS connector_credentials (
    installation_id   text        NOT NULL,
    environment       text        NOT NULL,
    api_key_last_four text        NOT NULL,
    key_id            text        NOT NULL,
    nonce             bytea       NOT NULL,
    ciphertext        bytea       NOT NULL,
    revision          bigint      NOT NULL,
    updated_at        timestamptz NOT NULL,
    PRIMARY KEY (installation_id, environment)
);
