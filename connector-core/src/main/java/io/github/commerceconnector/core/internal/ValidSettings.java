package io.github.commerceconnector.core.internal;

import io.github.commerceconnector.api.exception.ConfigurationException;
import io.github.commerceconnector.api.spi.HttpTransport;
import io.github.commerceconnector.core.http.Timeouts;
import io.github.commerceconnector.core.internal.auth.ImsAuthenticator;
import io.github.commerceconnector.core.internal.http.JdkHttpTransport;
import io.github.commerceconnector.core.internal.http.UrlConnectionTransport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The builder's settings, checked all at once: every missing or wrong setting is collected and reported in one
 * {@link ConfigurationException}, so a user fixes the configuration in one pass.
 *
 * @param endpoint         the gateway base URL, ending in {@code /}
 * @param imsTokenEndpoint the IMS token URL
 * @param timeouts         the timeouts
 * @param stateDirectory   the checked state directory, if one was given
 * @param transport        the transport given, or a new default one
 */
record ValidSettings(URI endpoint, URI imsTokenEndpoint, Timeouts timeouts, Optional<Path> stateDirectory,
        HttpTransport transport) {

    /**
     * Checks the settings; creates the state directory if missing and the default transport last.
     *
     * @throws ConfigurationException naming every problem found
     */
    static ValidSettings check(ClientParts.Settings settings) {
        List<String> problems = new ArrayList<>();
        if (settings.environment == null) {
            problems.add("environment is missing: call environment(Environment.SANDBOX) or "
                    + "environment(Environment.PRODUCTION)");
        }
        if (settings.credentials == null) {
            problems.add("credentials are missing: call credentials(...) with a CredentialStore, e.g. "
                    + "CredentialStores.fromEnvironment()");
        }
        if (settings.installation == null) {
            problems.add("installation is missing: call installation(Installation.NON_PRODUCTION) for staging, "
                    + "development and CI, or installation(Installation.PRODUCTION) for the live store; there is no "
                    + "default because it guards the production data space");
        }
        if (settings.productionOverride != null && settings.productionOverride.isBlank()) {
            problems.add("allowProductionDataSpace needs a reason: say why this installation must write to the "
                    + "production data space; it is logged with every use");
        }
        URI endpoint = settings.endpoint != null ? checkUrl(settings.endpoint, "endpoint", true, problems)
                : settings.environment == null ? null : settings.environment.defaultEndpoint();
        URI tokenEndpoint = ImsAuthenticator.DEFAULT_TOKEN_URL;
        if (settings.imsTokenEndpoint != null) {
            tokenEndpoint = checkUrl(settings.imsTokenEndpoint, "imsTokenEndpoint", false, problems);
            if (settings.imsCredentials == null) {
                problems.add("imsTokenEndpoint is set but imsCredentials is not: give imsCredentials(...) too, or "
                        + "drop imsTokenEndpoint");
            }
        }
        checkAuthentication(settings, problems);
        if (settings.transport != null && (settings.proxy != null || settings.httpVersion != null)) {
            problems.add("proxy and httpVersion configure the default transport, but httpTransport(...) replaces it: "
                    + "configure your HttpTransport itself, or drop httpTransport");
        }
        if (settings.runtime != null && (settings.transport != null || settings.proxy != null
                || settings.httpVersion != null)) {
            problems.add("runtime(...) brings the shared transport, so httpTransport, proxy and httpVersion do not "
                    + "apply: configure the proxy and HTTP version on CommerceServicesRuntime.builder(), or drop "
                    + "runtime");
        }
        if (settings.runtime != null && settings.runtime.isClosed()) {
            problems.add("the runtime " + settings.runtime.name() + " is closed: give an open "
                    + "CommerceServicesRuntime");
        }
        Timeouts timeouts = settings.timeouts == null ? Timeouts.defaults() : settings.timeouts;
        Optional<Path> stateDirectory = Optional.ofNullable(settings.stateDirectory)
                .flatMap(directory -> checkStateDirectory(directory, problems));
        if (!problems.isEmpty()) {
            throw new ConfigurationException("The Commerce Services client cannot be built: "
                    + String.join("; ", problems) + ".");
        }
        HttpTransport transport = settings.transport != null ? settings.transport
                : settings.runtime != null ? settings.runtime.transport()
                : settings.httpVersion == HttpClient.Version.HTTP_2
                        ? new JdkHttpTransport(timeouts.connect(), settings.proxy, settings.httpVersion)
                        : new UrlConnectionTransport(timeouts.connect(), settings.proxy,
                                () -> new JdkHttpTransport(timeouts.connect(), settings.proxy,
                                        settings.httpVersion == null ? HttpClient.Version.HTTP_2
                                                : settings.httpVersion));
        return new ValidSettings(endpoint, tokenEndpoint, timeouts, stateDirectory, transport);
    }

    private static void checkAuthentication(ClientParts.Settings settings, List<String> problems) {
        if (settings.authenticator != null && settings.imsCredentials != null) {
            problems.add("authenticator and imsCredentials are both set: choose one way to authenticate");
        }
        if (settings.jwtClaims != null && (settings.authenticator != null || settings.imsCredentials != null)) {
            problems.add("jwtClaims only applies to the default JWT authentication, but "
                    + (settings.authenticator != null ? "authenticator" : "imsCredentials") + " replaces it");
        }
    }

    /**
     * An absolute http(s) URL without user info, query or fragment; a base URL is made to end in {@code /} so
     * that relative paths resolve below it.
     */
    private static URI checkUrl(URI url, String name, boolean base, List<String> problems) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            problems.add(name + " '" + url + "' is not an absolute http or https URL: give one like "
                    + "https://commerce-beta.adobe.io/");
            return null;
        }
        if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
            problems.add(name + " must not carry user info, a query or a fragment: give the base URL only, like "
                    + url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + "/");
            return null;
        }
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return URI.create(scheme + "://" + url.getRawAuthority() + (!base || path.endsWith("/") ? path : path + "/"));
    }

    /** Creates the directory if needed and proves it writable by creating and deleting a file in it. */
    private static Optional<Path> checkStateDirectory(Path directory, List<String> problems) {
        Path absolute = directory.toAbsolutePath();
        try {
            Files.createDirectories(absolute);
            Path probe = Files.createTempFile(absolute, ".write-check", ".tmp");
            Files.delete(probe);
            return Optional.of(absolute);
        } catch (IOException | UnsupportedOperationException unusable) {
            problems.add("stateDirectory " + absolute + " cannot be used (" + unusable.getClass().getSimpleName()
                    + (unusable.getMessage() == null ? "" : ": " + unusable.getMessage()) + "): give a directory this "
                    + "process can create and write, or leave stateDirectory unset to keep the selection in memory");
            return Optional.empty();
        }
    }
}
