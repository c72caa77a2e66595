package io.github.commerceconnector.spring.boot;

import io.github.commerceconnector.api.CommerceServices;
import io.github.commerceconnector.api.catalog.CatalogSyncClient;
import io.github.commerceconnector.api.credentials.CredentialStore;
import io.github.commerceconnector.api.observation.ConnectorObserver;
import io.github.commerceconnector.api.registry.DataSpaceClient;
import io.github.commerceconnector.api.registry.SaasProjectClient;
import io.github.commerceconnector.core.CommerceServicesClient;
import io.github.commerceconnector.micrometer.MicrometerConnectorObserver;
import io.github.commerceconnector.spring.boot.internal.ClientFromProperties;
import io.github.commerceconnector.spring.boot.internal.PropertiesCredentials;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures the connector from {@code commerce.connector.*}: the {@link CredentialStore}, the
 * {@link CommerceServices} client and its project, data space and catalog clients, a health indicator when Spring
 * Boot's health support is present, and a Micrometer observer when {@code connector-micrometer} is. Each bean
 * gives way to one of the application's own.
 */
@AutoConfiguration
@ConditionalOnClass(CommerceServicesClient.class)
@EnableConfigurationProperties(CommerceConnectorProperties.class)
public class CommerceConnectorAutoConfiguration {

    /**
     * The key store the properties describe.
     *
     * @param properties the properties
     * @return the store
     */
    @Bean
    @ConditionalOnMissingBean
    public CredentialStore commerceConnectorCredentials(CommerceConnectorProperties properties) {
        return PropertiesCredentials.from(properties);
    }

    /**
     * The client, closed with the context.
     *
     * @param properties  the properties
     * @param credentials the key store
     * @param observer    the observer, if any
     * @return the client
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public CommerceServices commerceServices(CommerceConnectorProperties properties, CredentialStore credentials,
            ObjectProvider<ConnectorObserver> observer) {
        return ClientFromProperties.build(properties, credentials, observer.getIfAvailable(() -> ConnectorObserver.NONE));
    }

    /**
     * The SaaS project client.
     *
     * @param services the client
     * @return its project client
     */
    @Bean
    @ConditionalOnMissingBean
    public SaasProjectClient commerceSaasProjects(CommerceServices services) {
        return services.projects();
    }

    /**
     * The data space client.
     *
     * @param services the client
     * @return its data space client
     */
    @Bean
    @ConditionalOnMissingBean
    public DataSpaceClient commerceDataSpaces(CommerceServices services) {
        return services.dataSpaces();
    }

    /**
     * The catalog sync client.
     *
     * @param services the client
     * @return its catalog client
     */
    @Bean
    @ConditionalOnMissingBean
    public CatalogSyncClient commerceCatalog(CommerceServices services) {
        return services.catalog();
    }

    /** Micrometer observations of the connector, when {@code connector-micrometer} is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({MicrometerConnectorObserver.class, ObservationRegistry.class, MeterRegistry.class})
    public static class MicrometerConfiguration {

        /**
         * The observer, reporting to the application's registries (a no-op for a missing one), its gauges tagged
         * with the environment as client name.
         *
         * @param observations the observation registry, if any
         * @param meters       the meter registry, if any
         * @param properties   the properties
         * @return the observer
         */
        @Bean
        @ConditionalOnMissingBean
        public ConnectorObserver commerceConnectorObserver(ObjectProvider<ObservationRegistry> observations,
                ObjectProvider<MeterRegistry> meters, CommerceConnectorProperties properties) {
            return MicrometerConnectorObserver.create(observations.getIfAvailable(() -> ObservationRegistry.NOOP),
                    meters.getIfAvailable(CompositeMeterRegistry::new), properties.getEnvironment().wireName());
        }
    }

    /** The health indicator, when Spring Boot's health support is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("commerce-connector")
    public static class HealthConfiguration {

        /**
         * The indicator.
         *
         * @param services   the client
         * @param properties the properties
         * @return the indicator
         */
        @Bean
        @ConditionalOnMissingBean(name = "commerceConnectorHealthIndicator")
        public CommerceConnectorHealthIndicator commerceConnectorHealthIndicator(CommerceServices services,
                CommerceConnectorProperties properties) {
            CommerceConnectorProperties.Health health = properties.getHealth();
            return new CommerceConnectorHealthIndicator(services, health.getService(), health.getCacheTtl(),
                    health.getTimeout());
        }
    }
}
