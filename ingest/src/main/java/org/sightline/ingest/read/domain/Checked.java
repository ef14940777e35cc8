package org.sightline.ingest.read.domain;

import java.util.Objects;

/**
 * The outcome of checking untrusted input: a value, or the reason there is none. Expected bad
 * input is a result, not an exception.
 */
public sealed interface Checked<T> {

    /** The input was good. */
    record Ok<T>(T value) implements Checked<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The input was refused; {@code reason} says why in words an engineer can act on. */
    record Rejected<T>(String reason) implements Checked<T> {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static <T> Checked<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Checked<T> rejected(String reason) {
        return new Rejected<>(reason);
    }

    /** True for {@link Ok}. */
    default boolean isOk() {
        return this instanceof Ok;
    }

    /** Untrusted text cut to a length that is safe to repeat in a reason. */
    static String shorten(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length() && sb.length() < 40; i++) {
            char c = text.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        if (sb.length() < text.length()) {
            sb.append("…");
        }
        return sb.toString();
    }
}
