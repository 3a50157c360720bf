package io.github.camelopenrouter.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Where PostgreSQL's server programs ({@code initdb}, {@code postgres}) are on this machine, and how to run them: as the
 * {@code postgres} OS user when this JVM runs as root, since PostgreSQL refuses to run as root.
 */
final class PostgresBinaries {

    /** A directory holding both programs, tried first: {@code -Dpostgres.bindir=...} or {@code PG_BINDIR}. */
    static final String BINDIR_PROPERTY = "postgres.bindir";
    static final String SERVICE_USER = "postgres";

    private final Path binDir;
    private final List<String> runAs;

    private PostgresBinaries(Path binDir, List<String> runAs) {
        this.binDir = binDir;
        this.runAs = runAs;
    }

    /**
     * @throws IllegalStateException when no PostgreSQL is installed, naming where it looked and how to install one
     */
    static PostgresBinaries find() {
        List<Path> tried = new ArrayList<>();
        Path found = null;
        for (Path candidate : candidates()) {
            tried.add(candidate);
            if (Files.isExecutable(candidate.resolve("initdb")) && Files.isExecutable(candidate.resolve("postgres"))) {
                found = candidate;
                break;
            }
        }
        if (found == null) {
            throw new IllegalStateException("No PostgreSQL server found (initdb and postgres) in " + tried + ". Install"
                                            + " one (Debian/Ubuntu: apt-get install postgresql; .ci/run does) or point"
                                            + " -D" + BINDIR_PROPERTY + " (or PG_BINDIR) at its bin directory");
        }
        return new PostgresBinaries(found, runAsCommand());
    }

    private static List<Path> candidates() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty(BINDIR_PROPERTY, System.getenv("PG_BINDIR"));
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path initdb = Path.of(dir, "initdb");
                if (Files.isExecutable(initdb)) {
                    // Debian links /usr/local/bin or /usr/bin entries to /usr/lib/postgresql/N/bin: the real
                    // directory holds postgres too
                    candidates.add(realParent(initdb));
                }
            }
        }
        String pgConfig = pgConfigBindir();
        if (pgConfig != null) {
            candidates.add(Path.of(pgConfig));
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.sorted(Comparator.comparing(PostgresBinaries::majorVersion).reversed())
                        .forEach(version -> candidates.add(version.resolve("bin")));
            } catch (IOException e) {
                // an unreadable directory is one candidate fewer
            }
        }
        candidates.add(Path.of("/usr/local/pgsql/bin"));
        return candidates;
    }

    private static Path realParent(Path file) {
        try {
            return file.toRealPath().getParent();
        } catch (IOException e) {
            return file.getParent();
        }
    }

    private static int majorVersion(Path versionDir) {
        try {
            return Integer.parseInt(versionDir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String pgConfigBindir() {
        try {
            Process process = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 && !out.isEmpty() ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Empty when not root; else setpriv (or runuser) to the postgres user. */
    private static List<String> runAsCommand() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return List.of();
        }
        if (!userExists(SERVICE_USER)) {
            throw new IllegalStateException("Running as root, and PostgreSQL refuses to run as root: create the OS user '"
                                            + SERVICE_USER + "' (Debian's postgresql package does) or run the tests as"
                                            + " another user");
        }
        if (onPath("setpriv")) {
            return List.of("setpriv", "--reuid=" + SERVICE_USER, "--regid=" + SERVICE_USER, "--clear-groups");
        }
        if (onPath("runuser")) {
            return List.of("runuser", "-u", SERVICE_USER, "--");
        }
        throw new IllegalStateException("Running as root, and PostgreSQL refuses to run as root: neither setpriv nor"
                                        + " runuser (util-linux) is available to run it as '" + SERVICE_USER + "'");
    }

    private static boolean userExists(String user) {
        try {
            return Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(line -> line.startsWith(user + ":"));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    /** The command line running one of PostgreSQL's programs, as the postgres user when needed. */
    List<String> command(String program, String... arguments) {
        List<String> command = new ArrayList<>(runAs);
        command.add(binDir.resolve(program).toString());
        command.addAll(Arrays.asList(arguments));
        return command;
    }

    /** Whether files the server writes must be handed to the postgres user first. */
    boolean runsAsServiceUser() {
        return !runAs.isEmpty();
    }

    Path binDir() {
        return binDir;
    }
}
