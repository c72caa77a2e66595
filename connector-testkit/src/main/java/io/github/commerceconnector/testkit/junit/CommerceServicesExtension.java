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
 */
public final class CommerceServicesExtension implements ParameterResolver {
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
