package io.github.camelopenrouter.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server for a test: a fresh cluster ({@code initdb}) in a temporary directory, started on a free
 * loopback port, tuned for tests (no fsync, small buffers), deleted on {@link #close()}. {@link #stop()} and
 * {@link #restart()} keep the data directory and the port, so a test can take the database down and bring it back, or
 * start a second application against the same data.
 *
 * <pre>{@code
 * try (PostgresServer postgres = PostgresServer.start()) {
 *     DataSource dataSource = postgres.dataSource();
 *     ...
 * }
 * }</pre>
 *
 * Starting takes a second or two (initdb is most of it): start one per test class and share it. Needs PostgreSQL's
 * server programs on the machine (see {@link PostgresBinaries}); as root they run as the {@code postgres} OS user.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
    private static final String USER = "test";
    private static final String PASSWORD = "test-password";
    private static final long START_TIMEOUT_MILLIS = 60_000;

    private final PostgresBinaries binaries;
    private final Path directory;
    private final Path dataDirectory;
    private final Path log;
    private final int port;
    private final Thread shutdownHook = new Thread(this::stopQuietly, "PostgresServer-shutdown");
    private Process process;

    private PostgresServer(PostgresBinaries binaries, Path directory, int port) {
        this.binaries = binaries;
        this.directory = directory;
        this.dataDirectory = directory.resolve("data");
        this.log = directory.resolve("postgres.log");
        this.port = port;
    }

    /**
     * Initialises a cluster in a new temporary directory and starts it.
     *
     * @throws IllegalStateException when no PostgreSQL is installed or it does not start, with its log
     */
    public static PostgresServer start() {
        PostgresBinaries binaries = PostgresBinaries.find();
        long started = System.nanoTime();
        PostgresServer server;
        try {
            server = new PostgresServer(binaries, Files.createTempDirectory("camel-openrouter-postgres"), freePort());
            server.initialise();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare a PostgreSQL data directory", e);
        }
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        server.restart();
        LOG.info("PostgreSQL from {} running on 127.0.0.1:{} (data in {}), started in {} ms", binaries.binDir(), server.port,
                server.dataDirectory, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return server;
    }

    private void initialise() throws IOException {
        Path passwordFile = directory.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n", StandardCharsets.UTF_8);
        if (binaries.runsAsServiceUser()) {
            handToServiceUser(directory);
            handToServiceUser(passwordFile);
        }
        run(binaries.command("initdb", "-D", dataDirectory.toString(), "-U", USER, "--pwfile=" + passwordFile,
                "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--no-locale", "--no-sync"), "initdb");
        Files.delete(passwordFile);
    }

    private static void handToServiceUser(Path path) throws IOException {
        UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(path, users.lookupPrincipalByName(PostgresBinaries.SERVICE_USER));
        GroupPrincipal group = users.lookupPrincipalByGroupName(PostgresBinaries.SERVICE_USER);
        Files.getFileAttributeView(path, PosixFileAttributeView.class).setGroup(group);
    }

    private void run(List<String> command, String what) {
        try {
            Process initdb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!initdb.waitFor(START_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                initdb.destroyForcibly();
                throw new IllegalStateException(what + " did not finish within " + START_TIMEOUT_MILLIS + " ms: " + logTail());
            }
            if (initdb.exitValue() != 0) {
                throw new IllegalStateException(what + " failed (exit " + initdb.exitValue() + "): " + logTail());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + what, e);
        }
    }

    /** Starts the server again on the same data directory and port (stopping it first if it runs). */
    public synchronized void restart() {
        stop();
        try {
            process = new ProcessBuilder(binaries.command("postgres", "-D", dataDirectory.toString(), "-p",
                    Integer.toString(port), "-h", "127.0.0.1", "-k", dataDirectory.toString(),
                    "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                    "-c", "shared_buffers=16MB", "-c", "max_connections=60"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start postgres", e);
        }
        awaitConnections();
    }

    private void awaitConnections() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("postgres exited (" + process.exitValue() + ") while starting: "
                                                + logTail());
            }
            try (Connection connection = dataSource().getConnection()) {
                return;
            } catch (SQLException e) {
                // refused until it listens, then "the database system is starting up" until recovery is done
                last = e;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for PostgreSQL to start", e);
            }
        }
        stop();
        throw new IllegalStateException("PostgreSQL did not accept connections on 127.0.0.1:" + port + " within "
                                        + START_TIMEOUT_MILLIS + " ms (last: " + (last == null ? "-" : last.getMessage())
                                        + "): " + logTail());
    }

    /**
     * Stops the server (a fast shutdown: open connections are closed) and keeps its data: connections are refused until
     * {@link #restart()}.
     */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        Process running = process;
        process = null;
        if (!running.isAlive()) {
            return;
        }
        try {
            // SIGINT is PostgreSQL's fast shutdown; Process.destroy's SIGTERM would wait for every client to leave
            new ProcessBuilder("kill", "-INT", Long.toString(running.pid())).start().waitFor(10, TimeUnit.SECONDS);
            if (!running.waitFor(30, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            running.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.destroyForcibly();
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the server and deletes its data directory. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
        }
        deleteRecursively(directory);
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            // the JVM is exiting
        }
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/postgres}. */
    public String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return port;
    }

    /** A DataSource for the {@code postgres} database: a new connection per {@code getConnection()}. */
    public DataSource dataSource() {
        return dataSource("postgres");
    }

    /** A DataSource for a database of this server (see {@link #createDatabase(String)}). */
    public DataSource dataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] { "127.0.0.1" });
        dataSource.setPortNumbers(new int[] { port });
        dataSource.setDatabaseName(database);
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
        // a stopped server refuses at once; these bound the wait for one that hangs
        dataSource.setConnectTimeout(5);
        dataSource.setLoginTimeout(10);
        return dataSource;
    }

    /** Creates a database, so that test classes sharing one server keep their tables apart. */
    public DataSource createDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Database name '" + database + "': use lower-case letters, digits and _");
        }
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + ": " + e.getMessage(), e);
        }
        return dataSource(database);
    }

    /** The server's log so far (initdb's and postgres's output). */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private String logTail() {
        String all = log();
        return all.length() > 4000 ? "..." + all.substring(all.length() - 4000) : all;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not delete PostgreSQL's test directory {}: {}", root, e.getMessage());
        }
    }
}
