package io.github.commerceconnector.core.internal.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a {@code Retry-After} header in either of its forms: delay seconds, or an HTTP date. */
public final class RetryAfter {
    private static final long MAX_SECONDS = Duration.ofDays(1).toSeconds();

    private RetryAfter() {
    }

    /**
     * The wait the header asks for, measured from {@code now} for the date form; a date in the past is zero, and
     * either form is cut to one day.
     *
     * @return empty when the header is absent or neither form
     */
    public static Optional<Duration> parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            return Optional.of(Duration.ofSeconds(value.length() > 9 ? MAX_SECONDS
                    : Math.min(Long.parseLong(value), MAX_SECONDS)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO
                    : wait.getSeconds() > MAX_SECONDS ? Duration.ofSeconds(MAX_SECONDS) : wait);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
