package io.github.commerceconnector.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.commerceconnector.core.auth.Authenticator;
import io.github.commerceconnector.core.auth.JwtClaimSet;
import io.github.commerceconnector.core.http.CircuitBreakerSettings;
import io.github.commerceconnector.core.http.RetrySettings;
import io.github.commerceconnector.core.http.Timeouts;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The public types of connector-core expose no third-party type (Jackson, java-jwt, resilience4j,
 * BouncyCastle) and no internal type in any public signature: they can change without breaking users.
 */
class PublicSignaturesTest {
    private static final List<Class<?>> PUBLIC_TYPES = List.of(CommerceServicesClient.class,
            CommerceServicesClient.Builder.class, CommerceServicesRuntime.class, CommerceServicesRuntime.Builder.class,
            Authenticator.class, JwtClaimSet.class, Timeouts.class,
            RetrySettings.class, CircuitBreakerSettings.class);
    private static final List<String> FORBIDDEN = List.of("com.fasterxml.", "com.auth0.", "io.github.resilience4j.",
            "org.bouncycastle.", "io.github.commerceconnector.core.internal.");

    @Test
    void publicSignaturesUseOnlyTheJdkTheApiAndPublicCoreTypes() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : PUBLIC_TYPES) {
            for (Method method : type.getMethods()) {
                check(leaks, type, method.getName(), method.getGenericReturnType());
                for (Type parameter : method.getGenericParameterTypes()) {
                    check(leaks, type, method.getName(), parameter);
                }
            }
            for (Constructor<?> constructor : type.getConstructors()) {
                for (Type parameter : constructor.getGenericParameterTypes()) {
                    check(leaks, type, "<init>", parameter);
                }
            }
            for (Field field : type.getFields()) {
                if (Modifier.isPublic(field.getModifiers())) {
                    check(leaks, type, field.getName(), field.getGenericType());
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    private static void check(List<String> leaks, Class<?> owner, String member, Type type) {
        String name = type.getTypeName();
        for (String prefix : FORBIDDEN) {
            if (name.contains(prefix)) {
                leaks.add(owner.getSimpleName() + "." + member + ": " + name);
            }
        }
    }
}
