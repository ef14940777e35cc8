package org.sightline.geo.db;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Plain JDBC connections to the service database for the geo stores, which manage their own
 * transactions (bulk COPY loads do not fit a framework transaction).
 */
@Singleton
public class GeoDatabase {

    private final DataSource dataSource;

    public GeoDatabase(DataSource dataSource) {
        // the framework wraps the pool in a transaction-aware proxy; the stores want real connections
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** A new connection in auto-commit mode; the caller closes it. */
    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }
}
