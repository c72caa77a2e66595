package io.github.commerceconnector.api.registry;

import io.github.commerceconnector.api.exception.ConflictException;
import io.github.commerceconnector.api.exception.NotFoundException;
import java.util.List;

/**
 * Finds, creates and renames the SaaS projects the environment's keys can see. Thread-safe.
 */
public interface SaasProjectClient {

    /** Every project the keys can see, each with its data spaces. */
    List<SaasProject> list();

    /**
     * One project with its data spaces.
     *
     * @throws NotFoundException if the keys see no such project
     */
    SaasProject get(String projectId);

    /**
     * Creates a project; the registry gives it the edition's data spaces at once. Never blindly
     * repeated after an ambiguous failure: the client first looks for a project of that name.
     *
     * @throws ConflictException if the name is in use or the license allowance is exhausted
     * @throws IllegalArgumentException if the name is blank
     */
    SaasProject create(String name);

    /**
     * Renames a project. Ids never change.
     *
     * @throws NotFoundException if the keys see no such project
     * @throws ConflictException if the name is in use
     */
    SaasProject rename(String projectId, String newName);
}
