package org.sightline.alerting.web;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.temporal.Temporal;
import java.util.UUID;

/**
 * Checks that a JSON request body gives each member of a request record in the record's own JSON
 * type before it is bound: the JSON binding coerces ({@code "name": 5} becomes "5", {@code ["X"]}
 * becomes "X", {@code "maybe"} a boolean), and a request with a wrongly typed member must be refused
 * with a 400, changing nothing, rather than stored as something the client did not send.
 */
public final class JsonBodyTypes {

    private JsonBodyTypes() {
    }

    /**
     * @throws IllegalArgumentException naming the first member of the wrong type (or a body that is
     *                                  not a JSON object)
     */
    public static void check(JsonMapper json, String body, Class<? extends Record> type) {
        JsonNode root;
        try {
            root = json.readValue(body, Argument.of(JsonNode.class));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the request body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the request body must be a JSON object");
        }
        for (RecordComponent c : type.getRecordComponents()) {
            JsonNode member = root.get(c.getName());
            if (member == null || member.isNull()) {
                continue;
            }
            String expected = expected(c.getType());
            boolean fits = switch (expected) {
                case "a string" -> member.isString();
                case "a whole number" -> member.isNumber() && isWhole(member);
                case "a number" -> member.isNumber();
                case "true or false" -> member.isBoolean();
                default -> true;
            };
            if (!fits) {
                throw new IllegalArgumentException(c.getName() + " must be " + expected + ", was " + describe(member));
            }
        }
    }

    private static String expected(Class<?> t) {
        if (t == String.class || t == UUID.class || t.isEnum() || Temporal.class.isAssignableFrom(t)) {
            return "a string";
        }
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class || t == Short.class || t == short.class) {
            return "a whole number";
        }
        if (t == Double.class || t == double.class || t == Float.class || t == float.class) {
            return "a number";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "true or false";
        }
        return "any";
    }

    private static boolean isWhole(JsonNode n) {
        double d = n.getNumberValue().doubleValue();
        return d == Math.rint(d) && !Double.isInfinite(d);
    }

    private static String describe(JsonNode n) {
        if (n.isString()) {
            return "a string";
        }
        if (n.isNumber()) {
            return "the number " + n.getNumberValue();
        }
        if (n.isBoolean()) {
            return n.getBooleanValue() ? "true" : "false";
        }
        return n.isArray() ? "a list" : "an object";
    }
}
