--liquibase formatted sql
--changeset commerce-services-connector:2
-- Commerce Services connector (connector-jdbc), schema version 2: the selection (project and data space) of
-- each installation, kept by JdbcSelectionStore. Safe to run twice.

CREATE TABLE IF NOT EXISTS connector_selection (
    installation_id     text        NOT NULL PRIMARY KEY,
    project_id          text        NOT NULL,
    project_name        text        NOT NULL,
    data_space_id       text        NOT NULL,
    data_space_name     text        NOT NULL,
    data_space_type     text        NOT NULL,
    ims_organization_id text,
    updated_at          timestamptz NOT NULL
);
