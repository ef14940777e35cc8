package org.sightline.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One fresh PostGIS database per test JVM, created on first use on the machine's PostgreSQL
 * (127.0.0.1:5432, trust auth, unless {@code SIGHTLINE_TEST_PG_HOST/PORT/USER} say otherwise) and
 * dropped when the JVM exits. The PostGIS extension is created here, as the superuser, before
 * the application connects: the application's migrations only check that it is present.
 */
public final class TestDatabase {

    private static final String HOST = env("SIGHTLINE_TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("SIGHTLINE_TEST_PG_PORT", "5432");
    private static final String USER = env("SIGHTLINE_TEST_PG_USER", "postgres");
    private static volatile TestDatabase instance;

    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    /** The database of this JVM, created (with PostGIS) on the first call. */
    public static TestDatabase get() {
        TestDatabase db = instance;
        if (db == null) {
            synchronized (TestDatabase.class) {
                db = instance;
                if (db == null) {
                    db = create();
                    instance = db;
                }
            }
        }
        return db;
    }

    /** JDBC URL of this run's database. */
    public String jdbcUrl() {
        return url(name);
    }

    public String user() {
        return USER;
    }

    public String name() {
        return name;
    }

    /** Micronaut properties that point the default datasource at this database. */
    public Map<String, String> micronautProperties() {
        return Map.of(
                "datasources.default.url", jdbcUrl(),
                "datasources.default.username", USER,
                "datasources.default.password", "");
    }

    /** A new connection to this run's database; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, "");
    }

    private static TestDatabase create() {
        String name = "sightline_test_" + ProcessHandle.current().pid() + "_"
                + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        try (Connection admin = DriverManager.getConnection(url("postgres"), USER, "");
             Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database on " + HOST + ":" + PORT
                    + " as " + USER + " (is PostgreSQL 15 running? './sightline test' starts it): "
                    + e.getMessage(), e);
        }
        try (Connection c = DriverManager.getConnection(url(name), USER, "");
             Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION IF NOT EXISTS postgis");
        } catch (SQLException e) {
            dropQuietly(name);
            throw new IllegalStateException("PostGIS is not installed for PostgreSQL 15 "
                    + "(apt-get install postgresql-15-postgis-3; './sightline test' does it as root): "
                    + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(name), "drop-" + name));
        return new TestDatabase(name);
    }

    private static void dropQuietly(String name) {
        try (Connection admin = DriverManager.getConnection(url("postgres"), USER, "");
             Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    private static String env(String key, String fallback) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? fallback : v;
    }
}
