package io.github.commerceconnector.testkit.internal.account;

import java.time.Duration;

/**
 * A refusal by the fake account, with the HTTP status the gateway answers for it. The fake gateway
 * writes it in the gateway's error shape; the in-memory clients turn it into the exception the real
 * HTTP client throws for that status.
 */
public final class AccountError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Duration retryAfter;

    /** Creates a refusal with a status and a message naming what is wrong and what would be right. */
    public AccountError(int status, String message) {
        this(status, message, null);
    }

    /** Creates a refusal that asks the caller to wait ({@code Retry-After}). */
    public AccountError(int status, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** A {@code 400}. */
    public static AccountError badRequest(String message) {
        return new AccountError(400, message);
    }

    /** A {@code 404}. */
    public static AccountError notFound(String message) {
        return new AccountError(404, message);
    }

    /** A {@code 409}. */
    public static AccountError conflict(String message) {
        return new AccountError(409, message);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** How long to wait before retrying, or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
