package io.github.commerceconnector.jdbc;

/** Checks the installation ids that key the selection and credential rows. */
final class InstallationIds {

    private InstallationIds() {
    }

    /**
     * The id, checked.
     *
     * @throws IllegalArgumentException if it is blank or longer than 200 characters
     */
    static String check(String installationId) {
        if (installationId == null || installationId.isBlank() || installationId.length() > 200) {
            throw new IllegalArgumentException("installationId must be 1 to 200 characters: your id of the "
                    + "installation (the merchant's store) whose rows these are, e.g. 'merchant-4711'");
        }
        return installationId;
    }
}
