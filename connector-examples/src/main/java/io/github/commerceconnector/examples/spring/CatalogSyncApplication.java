package io.github.commerceconnector.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application that syncs its catalog with the starter's beans: configure it with
 * {@code commerce.connector.*} properties (environment, installation, keys) and call {@link ProductSync}.
 */
@SpringBootApplication
public class CatalogSyncApplication {

    /**
     * Starts the application.
     *
     * @param args Spring Boot's arguments, e.g. {@code --commerce.connector.installation=non-production}
     */
    public static void main(String[] args) {
        SpringApplication.run(CatalogSyncApplication.class, args);
    }
}
