package io.github.commerceconnector.api.registry;

import java.util.List;
import java.util.Optional;

/**
 * A SaaS project and its data spaces (Adobe Commerce: 1 production + 2 testing; Magento Open
 * Source: 1 production).
 *
 * @param id         the project id
 * @param name       its label
 * @param dataSpaces its data spaces, production first; unmodifiable
 */
public record SaasProject(String id, String name, List<DataSpace> dataSpaces) {

    /** Checks the required fields and copies the list. */
    public SaasProject {
        DataSpace.requireText(id, "id");
        if (name == null) {
            throw new IllegalArgumentException("name is null");
        }
        dataSpaces = List.copyOf(dataSpaces == null ? List.of() : dataSpaces);
    }

    /** The production data space, if the project has one. */
    public Optional<DataSpace> productionDataSpace() {
        return dataSpaces.stream().filter(DataSpace::isProduction).findFirst();
    }

    /** The testing data spaces. */
    public List<DataSpace> testingDataSpaces() {
        return dataSpaces.stream().filter(d -> d.type() == DataSpaceType.TESTING).toList();
    }

    /** The data space with this id, if it belongs to this project. */
    public Optional<DataSpace> dataSpace(String dataSpaceId) {
        return dataSpaces.stream().filter(d -> d.id().equals(dataSpaceId)).findFirst();
    }
}
