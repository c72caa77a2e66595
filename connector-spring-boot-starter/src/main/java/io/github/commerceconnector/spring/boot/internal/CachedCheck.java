package io.github.commerceconnector.spring.boot.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The last result of a slow check (one that asks the gateway), reused while fresh, with at most one check running
 * at a time and a bound on how long a caller waits for it. Thread-safe.
 *
 * @param <T> the result
 */
public final class CachedCheck<T> {
    private final Supplier<T> check;
    private final Duration freshFor;
    private final Duration timeout;
    private final Clock clock;
    private T last;
    private Instant lastAt;
    private CompletableFuture<T> running;

    /**
     * A cached check.
     *
     * @param check    the check, run on a thread of its own
     * @param freshFor how long a result is reused; zero to check at every call not overlapping a running check
     * @param timeout  how long a call waits for a check it needs
     * @param clock    tells when a result has aged out
     */
    public CachedCheck(Supplier<T> check, Duration freshFor, Duration timeout, Clock clock) {
        this.check = Objects.requireNonNull(check, "check");
        this.freshFor = requireNotNegative(freshFor, "freshFor");
        this.timeout = requireNotNegative(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The result: the last one while fresh; otherwise, while a check is running, the last one without waiting;
     * otherwise a new check's, waited for up to the timeout, or the last one when it takes longer.
     *
     * @return the result, or empty when no check has ended yet and the one running took longer than the timeout
     * @throws RuntimeException what the check this call waited for threw (not kept)
     */
    public Optional<T> get() {
        CompletableFuture<T> awaited;
        synchronized (this) {
            if (last != null && clock.instant().isBefore(lastAt.plus(freshFor))) {
                return Optional.of(last);
            }
            if (running != null && last != null) {
                return Optional.of(last);
            }
            if (running == null) {
                running = start();
            }
            awaited = running;
        }
        return await(awaited);
    }

    private CompletableFuture<T> start() {
        CompletableFuture<T> started = CompletableFuture.supplyAsync(check, task -> {
            Thread thread = new Thread(task, "commerce-connector-health");
            thread.setDaemon(true);
            thread.start();
        });
        started.whenComplete((result, failure) -> ended(started, result));
        return started;
    }

    private synchronized void ended(CompletableFuture<T> check, T result) {
        if (result != null) {
            last = result;
            lastAt = clock.instant();
        }
        if (running == check) {
            running = null;
        }
    }

    private Optional<T> await(CompletableFuture<T> awaited) {
        try {
            return Optional.of(awaited.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException tooSlow) {
            return lastResult();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return lastResult();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("The check failed", failed.getCause());
        }
    }

    private synchronized Optional<T> lastResult() {
        return Optional.ofNullable(last);
    }

    private static Duration requireNotNegative(Duration duration, String name) {
        if (Objects.requireNonNull(duration, name).isNegative()) {
            throw new IllegalArgumentException(name + " is negative: " + duration);
        }
        return duration;
    }
}
