package io.github.camelopenrouter.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The test PostgreSQL: a real server a JDBC client reaches, whose data outlives a stop and a restart. */
class PostgresServerTest {

    private static PostgresServer postgres;

    @BeforeAll
    static void startServer() {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void closeServer() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void answersSqlThroughTheDataSourceAndTheJdbcUrl() throws Exception {
        try (Connection connection = postgres.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT current_user, current_setting('fsync')")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo(postgres.user());
            assertThat(result.getString(2)).isEqualTo("off");
        }
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password())) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), "wrong"))
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    }

    @Test
    void stopRefusesConnectionsAndRestartBringsBackTheData() throws Exception {
        DataSource dataSource = postgres.createDatabase("restart_test");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (v TEXT)");
            statement.execute("INSERT INTO kept VALUES ('before the stop')");
        }

        postgres.stop();
        assertThat(postgres.isRunning()).isFalse();
        assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLException.class)
                .hasMessageContaining("Connection to 127.0.0.1:" + postgres.port() + " refused");

        postgres.restart();
        assertThat(postgres.isRunning()).isTrue();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT v FROM kept")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("before the stop");
        }
    }

    @Test
    void closeDeletesTheDataDirectory() {
        PostgresServer other = PostgresServer.start();
        String url = other.jdbcUrl();
        other.close();

        assertThat(other.isRunning()).isFalse();
        assertThat(other.log()).as("the log went with the directory").isEmpty();
        assertThatThrownBy(() -> DriverManager.getConnection(url, other.user(), other.password()))
                .isInstanceOf(SQLException.class);
    }
}
