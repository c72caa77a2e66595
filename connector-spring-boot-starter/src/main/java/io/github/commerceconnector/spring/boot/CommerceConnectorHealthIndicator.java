package io.github.commerceconnector.spring.boot;

import io.github.commerceconnector.api.CommerceService;
import io.github.commerceconnector.api.CommerceServices;
import io.github.commerceconnector.api.Readiness;
import io.github.commerceconnector.api.exception.ConnectorException;
import io.github.commerceconnector.spring.boot.internal.CachedCheck;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The connector's health: up when a Commerce Service can work for this store ({@link CommerceServices#readiness}),
 * down with the first failed check and the next step to take otherwise. Details never hold a key; a check that
 * throws reports its exception type only. A check asks the gateway (the key check, the data space), so its result
 * is reused for a while, one check runs at a time (probes meanwhile get the last result) and a probe waits for
 * one at most a timeout, reporting the last result past it, or unknown when there is none yet.
 */
public class CommerceConnectorHealthIndicator implements HealthIndicator {
    /** How long a result is reused unless told otherwise. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(30);
    /** How long a probe waits for a check unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final CommerceServices services;
    private final CommerceService service;
    private final Duration timeout;
    private final CachedCheck<Health> check;

    /**
     * An indicator for one service, reusing a result for {@link #DEFAULT_CACHE_TTL} and waiting for a check at
     * most {@link #DEFAULT_TIMEOUT}.
     *
     * @param services the connector
     * @param service  the Commerce Service whose readiness is the health
     */
    public CommerceConnectorHealthIndicator(CommerceServices services, CommerceService service) {
        this(services, service, DEFAULT_CACHE_TTL, DEFAULT_TIMEOUT);
    }

    /**
     * An indicator for one service.
     *
     * @param services the connector
     * @param service  the Commerce Service whose readiness is the health
     * @param cacheTtl how long a result is reused; zero to check at every probe not overlapping a running check
     * @param timeout  how long a probe waits for a check
     * @throws IllegalArgumentException if a duration is negative
     */
    public CommerceConnectorHealthIndicator(CommerceServices services, CommerceService service, Duration cacheTtl,
            Duration timeout) {
        this(services, service, cacheTtl, timeout, Clock.systemUTC());
    }

    CommerceConnectorHealthIndicator(CommerceServices services, CommerceService service, Duration cacheTtl,
            Duration timeout, Clock clock) {
        this.services = services;
        this.service = service;
        this.timeout = timeout;
        this.check = new CachedCheck<>(this::check, cacheTtl, timeout, clock);
    }

    @Override
    public Health health() {
        return check.get().orElseGet(() -> Health.unknown().withDetail("service", service.displayName())
                .withDetail("error", "no answer from the gateway within " + timeout).build());
    }

    private Health check() {
        Readiness readiness;
        try {
            readiness = services.readiness(service);
        } catch (ConnectorException | IllegalStateException failed) {
            return Health.down().withDetail("service", service.displayName())
                    .withDetail("error", failed.getClass().getSimpleName()).build();
        }
        Health.Builder health = (readiness.isReady() ? Health.up() : Health.down())
                .withDetail("service", service.displayName())
                .withDetail("environment", services.environment().wireName());
        readiness.failures().stream().findFirst().ifPresent(check -> health.withDetail("check", check.name())
                .withDetail("detail", check.detail()).withDetail("nextStep", check.nextStep()));
        return health.build();
    }
}
