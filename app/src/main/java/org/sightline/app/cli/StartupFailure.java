package org.sightline.app.cli;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import java.net.BindException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns whatever stopped the service from starting into one line that says what to fix. The full
 * cause still goes to the log; the person at the terminal gets the line.
 */
public final class StartupFailure {

    private StartupFailure() {
    }

    /** One line, without a stack trace, that names the setting or service to fix. */
    public static String explain(Throwable failure) {
        List<Throwable> chain = causes(failure);
        for (Throwable t : chain) {
            if (t instanceof StartupCheckException) {
                return t.getMessage();
            }
        }
        for (Throwable t : chain) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("Validation failed for bean definition [")) {
                String explained = explainConstraintViolations(m);
                if (explained != null) {
                    return explained;
                }
            }
            if (t instanceof IllegalArgumentException && m.startsWith("sightline.")) {
                return "Configuration error: " + firstLine(m);
            }
            if (t instanceof ConversionErrorException c) {
                return "Configuration error: " + c.getArgument().getName() + " = '" + c.getConversionError().getOriginalValue().orElse("?")
                        + "' cannot be used: " + firstLine(c.getConversionError().getCause().getMessage());
            }
            if (m.contains("PostGIS is not installed")) {
                int at = m.indexOf("PostGIS is not installed");
                return firstLine(m.substring(at));
            }
            if (t instanceof BindException) {
                return "The HTTP port is taken (" + firstLine(m) + "): set micronaut.server.port (environment SIGHTLINE_PORT)";
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                String m = firstLine(sql.getMessage());
                // 28xxx: invalid authorisation; 3D000: no such database
                if (state.startsWith("28") || state.equals("3D000")) {
                    return "The database refused Sightline's login (" + m
                            + "): check datasources.default.url/username/password (SIGHTLINE_DB_URL, SIGHTLINE_DB_USER, SIGHTLINE_DB_PASSWORD)";
                }
                if (state.startsWith("08") || m.toLowerCase(Locale.ROOT).contains("connection")) {
                    return "Cannot reach the database (" + m
                            + "): start PostgreSQL, or set datasources.default.url (environment SIGHTLINE_DB_URL)";
                }
            }
        }
        for (Throwable t : chain) {
            if (t instanceof ConfigurationException) {
                return "Configuration error: " + firstLine(t.getMessage());
            }
        }
        Throwable root = chain.get(chain.size() - 1);
        return "Sightline could not start: " + root.getClass().getSimpleName() + ": " + firstLine(root.getMessage());
    }

    private static final Pattern BEAN = Pattern.compile("Validation failed for bean definition \\[([\\w.$]+)]");
    private static final Pattern VIOLATION = Pattern.compile("^\\s*(?:[\\w$]+\\.)*(\\w+) - (.+)$", Pattern.MULTILINE);

    /** "Validation failed for bean definition [X] ... \tprop - message" as "prefix.prop must ...". */
    private static String explainConstraintViolations(String message) {
        Matcher bean = BEAN.matcher(message);
        if (!bean.find()) {
            return null;
        }
        String prefix = configurationPrefix(bean.group(1));
        List<String> problems = new ArrayList<>();
        Matcher v = VIOLATION.matcher(message.substring(bean.end()));
        while (v.find()) {
            problems.add((prefix.isEmpty() ? "" : prefix + ".") + kebab(v.group(1)) + " " + v.group(2).strip());
        }
        return problems.isEmpty() ? null : "Configuration error: " + String.join("; ", problems);
    }

    private static String configurationPrefix(String className) {
        try {
            ConfigurationProperties annotation = Class.forName(className).getAnnotation(ConfigurationProperties.class);
            return annotation == null ? "" : annotation.value();
        } catch (ClassNotFoundException | LinkageError e) {
            return "";
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.strip();
        int nl = line.indexOf('\n');
        line = nl < 0 ? line : line.substring(0, nl).strip();
        return line.length() > 400 ? line.substring(0, 400) + "…" : line;
    }
}
