package io.github.commerceconnector.testkit.junit;

import io.github.commerceconnector.api.Edition;
import io.github.commerceconnector.api.Environment;
import io.github.commerceconnector.api.Installation;
import io.github.commerceconnector.testkit.FakeGateway;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test a fresh fake Commerce Services account as parameters, closed when the test ends:
 * {@link io.github.commerceconnector.testkit.FakeCommerceServices}, a running
 * {@link io.github.commerceconnector.testkit.FakeGateway} on the same account,
 * {@link io.github.commerceconnector.testkit.keys.TestKeyPair},
 * {@link io.github.commerceconnector.api.credentials.ServiceCredentials} (that key pair, registered
 * with the account and stored in its credential store) and
 * {@link io.github.commerceconnector.testkit.TestClock}. Only what a test asks for is made.
 *
 * <pre>{@code
 * @CommerceServicesTest(edition = Edition.MAGENTO_OPEN_SOURCE)
 * class MyTest {
 *     @Test
 *     void works(FakeCommerceServices services, ServiceCredentials credentials) { ... }
 * }
 * }</pre>
 *
 * On a class, it applies to every test (and {@code @Nested} class); on a method, it overrides the
 * class's settings for that test.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(CommerceServicesExtension.class)
public @interface CommerceServicesTest {

    /** The account's edition. */
    Edition edition() default Edition.ADOBE_COMMERCE;

    /** The installation kind (the data-space guard). */
    Installation installation() default Installation.NON_PRODUCTION;

    /** The environment. */
    Environment environment() default Environment.SANDBOX;

    /** The gateway's feed requests per second per data space; {@code 0} turns the limit off. */
    double gatewayRateLimit() default FakeGateway.DEFAULT_RATE_LIMIT;
}
