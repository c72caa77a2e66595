/**
 * Spring Boot auto-configuration of the Commerce Services connector: {@link
 * io.github.commerceconnector.spring.boot.CommerceConnectorProperties} ({@code commerce.connector.*}) to the
 * client's builder, the client and its four clients as beans, a health indicator from readiness, and Micrometer
 * observations when {@code connector-micrometer} is on the class path.
 */
package io.github.commerceconnector.spring.boot;
