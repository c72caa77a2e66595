package io.github.commerceconnector.testkit.junit;

import io.github.commerceconnector.api.credentials.ServiceCredentials;
import io.github.commerceconnector.testkit.FakeCommerceServices;
import io.github.commerceconnector.testkit.FakeGateway;
import io.github.commerceconnector.testkit.TestClock;
import io.github.commerceconnector.testkit.keys.TestKeyPair;
import io.github.commerceconnector.testkit.keys.TestKeys;
import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link CommerceServicesTest}: resolves {@link FakeCommerceServices},
 * {@link FakeGateway}, {@link TestKeyPair}, {@link ServiceCredentials} and {@link TestClock} parameters.
 * Everything is made when first asked for within a test (or, for {@code @BeforeAll} and constructor
 * parameters, within the class) and closed when that scope ends, so each test starts from a fresh,
 * empty account. Can also be registered with {@code @ExtendWith} or {@code @RegisterExtension}
 * (defaults of {@link CommerceServicesTest} then apply).
 *
 * <p>The extension closes the fake gateway and the fake account itself when their scope ends, rather than leaving it
 * to JUnit's store: JUnit closes plain {@link AutoCloseable} values of the store only from 5.13 on, and not at all
 * when {@code junit.jupiter.extensions.store.close.autocloseable.enabled} is {@code false}, so a project whose build
 * pins an older JUnit would otherwise leak a gateway (its port and threads) per test.
 */
public final class CommerceServicesExtension implements ParameterResolver, AfterEachCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(CommerceServicesExtension.class);
    private static final Set<Class<?>> SUPPORTED = Set.of(FakeCommerceServices.class, FakeGateway.class,
            TestKeyPair.class, ServiceCredentials.class, TestClock.class);

    /** Creates the extension; JUnit does this for {@link CommerceServicesTest}. */
    public CommerceServicesExtension() {
        // JUnit instantiates extensions reflectively; the state lives in the extension context store.
    }

    /** Whether the parameter is one of the types this extension provides. */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return SUPPORTED.contains(parameter.getParameter().getType());
    }

    /** The fixture of this parameter's type for the current test, made on first use. */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == FakeCommerceServices.class) {
            return services(context);
        }
        if (type == FakeGateway.class) {
            return gateway(context);
        }
        if (type == TestKeyPair.class) {
            return keyPair(context);
        }
        if (type == ServiceCredentials.class) {
            return credentials(context);
        }
        if (type == TestClock.class) {
            return services(context).clock();
        }
        throw new ParameterResolutionException("CommerceServicesExtension cannot provide a " + type.getName());
    }

    private static FakeCommerceServices services(ExtensionContext context) {
        CommerceServicesTest settings = settings(context);
        return store(context).getOrComputeIfAbsent(FakeCommerceServices.class, key -> FakeCommerceServices.builder()
                .edition(settings.edition()).installation(settings.installation())
                .environment(settings.environment()).build(), FakeCommerceServices.class);
    }

    private static FakeGateway gateway(ExtensionContext context) {
        FakeCommerceServices services = services(context);
        double rateLimit = settings(context).gatewayRateLimit();
        return store(context).getOrComputeIfAbsent(FakeGateway.class,
                key -> FakeGateway.builder().services(services).rateLimit(rateLimit).start(), FakeGateway.class);
    }

    private static TestKeyPair keyPair(ExtensionContext context) {
        return store(context).getOrComputeIfAbsent(TestKeyPair.class, key -> TestKeys.rsa(), TestKeyPair.class);
    }

    private static ServiceCredentials credentials(ExtensionContext context) {
        FakeCommerceServices services = services(context);
        TestKeyPair keyPair = keyPair(context);
        return store(context).getOrComputeIfAbsent(ServiceCredentials.class, key -> {
            ServiceCredentials credentials = keyPair.registerWith(services);
            services.credentials().put(credentials);
            return credentials;
        }, ServiceCredentials.class);
    }

    /** Closes what this test made (not what its class made, which lives on until {@link #afterAll}). */
    @Override
    public void afterEach(ExtensionContext context) {
        closeFixtures(context);
    }

    /** Closes what the class made, for its constructor or {@code @BeforeAll} parameters. */
    @Override
    public void afterAll(ExtensionContext context) {
        closeFixtures(context);
    }

    /** Closes the gateway, then the account, made in this context (not in an enclosing one), and forgets them. */
    private static void closeFixtures(ExtensionContext context) {
        ExtensionContext.Store store = store(context);
        FakeGateway gateway = store.remove(FakeGateway.class, FakeGateway.class);
        FakeCommerceServices services = store.remove(FakeCommerceServices.class, FakeCommerceServices.class);
        try {
            if (gateway != null) {
                gateway.close();
            }
        } finally {
            if (services != null) {
                services.close();
            }
        }
    }

    private static ExtensionContext.Store store(ExtensionContext context) {
        return context.getStore(NAMESPACE);
    }

    private static CommerceServicesTest settings(ExtensionContext context) {
        Optional<CommerceServicesTest> onMethod = context.getTestMethod()
                .flatMap(method -> AnnotationSupport.findAnnotation(method, CommerceServicesTest.class));
        if (onMethod.isPresent()) {
            return onMethod.get();
        }
        for (Class<?> type = context.getTestClass().orElse(null); type != null; type = type.getEnclosingClass()) {
            Optional<CommerceServicesTest> onClass = AnnotationSupport.findAnnotation((AnnotatedElement) type,
                    CommerceServicesTest.class);
            if (onClass.isPresent()) {
                return onClass.get();
            }
        }
        return Defaults.class.getAnnotation(CommerceServicesTest.class);
    }

    /** Carries the annotation's defaults for an extension registered without it. */
    @CommerceServicesTest
    private static final class Defaults {
    }
}
