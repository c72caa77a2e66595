package io.github.commerceconnector.spring.boot;

import io.github.commerceconnector.api.CommerceService;
import io.github.commerceconnector.api.CommerceServices;
import io.github.commerceconnector.api.Readiness;
import io.github.commerceconnector.api.exception.ConnectorException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The connector's health: up when a Commerce Service can work for this store ({@link CommerceServices#readiness}),
 * down with the first failed check and the next step to take otherwise. Details never hold a key; a check that
 * throws reports its exception type only. Each check may ask the gateway (the key check).
 */
public class CommerceConnectorHealthIndicator implements HealthIndicator {
    private final CommerceServices services;
    private final CommerceService service;

    /**
     * An indicator for one service.
     *
     * @param services the connector
     * @param service  the Commerce Service whose readiness is the health
     */
    public CommerceConnectorHealthIndicator(CommerceServices services, CommerceService service) {
        this.services = services;
        this.service = service;
    }

    @Override
    public Health health() {
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
