package io.github.commerceconnector.testkit;

/**
 * The gateway operations of PROTOCOL.md, as the fakes name them in their {@linkplain FakeCall call log}
 * and as failure-injection predicates match them.
 */
public enum FakeOperation {
    /** {@code GET merchant-registry/v1/ping}: the key check. */
    PING,
    /** {@code GET merchant-registry/v1/registry}: everything the keys can see. */
    LIST_REGISTRY,
    /** {@code GET merchant-registry/v1/registry/projects/{projectId}}. */
    GET_PROJECT,
    /** {@code GET merchant-registry/v1/registry/environments/{environmentId}}. */
    GET_DATA_SPACE,
    /** {@code POST merchant-registry/v1/registry/initialize}. */
    CREATE_PROJECT,
    /** {@code PATCH merchant-registry/v1/registry/projects/{projectId}}. */
    RENAME_PROJECT,
    /** {@code PATCH merchant-registry/v1/registry/environments/{environmentId}}. */
    RENAME_DATA_SPACE,
    /** {@code POST merchant-registry/v1/registry/environments/{environmentId}/cleanup}. */
    CLEANUP,
    /** {@code PUT merchant-registry/v1/registry/environments/{environmentId}/cloudid/{cloudId}}. */
    ASSIGN_CLOUD_ID,
    /** {@code POST {feed route}/{environmentId}}: a batch of feed items. */
    SEND_FEED
}
