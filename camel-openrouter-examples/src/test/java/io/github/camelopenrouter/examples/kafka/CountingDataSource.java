package io.github.camelopenrouter.examples.kafka;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

/**
 * Counts and times what a DataSource's user asks of the database. Round trips: each statement executed, each
 * commit, rollback and validity check is one exchange with the server (PostgreSQL's driver sends a transaction's
 * BEGIN along with its first statement, and nothing for setAutoCommit). Sessions: from taking a connection to giving
 * it back, timed as a write when it committed (the conversation store's append is one transaction) and as a read
 * otherwise (its load is one query).
 */
final class CountingDataSource {

    private static final Set<String> ROUND_TRIPS = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
            "executeLargeUpdate", "executeLargeBatch", "commit", "rollback", "isValid");
    private static final Set<String> STATEMENT_FACTORIES = Set.of("createStatement", "prepareStatement", "prepareCall");

    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong roundTrips = new AtomicLong();
    private final Timings reads = new Timings();
    private final Timings writes = new Timings();

    /** The data source to give the user: every call goes to {@code target}, counted on the way. */
    DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, null);
    }

    long connections() {
        return connections.get();
    }

    long roundTrips() {
        return roundTrips.get();
    }

    /** Sessions that only read, by their duration. */
    Timings reads() {
        return reads;
    }

    /** Sessions that committed, by their duration. */
    Timings writes() {
        return writes;
    }

    void reset() {
        connections.set(0);
        roundTrips.set(0);
        reads.clear();
        writes.clear();
    }

    /** One connection from taking to giving back. */
    private final class Session {
        private final long started = System.nanoTime();
        private boolean committed;

        void closed() {
            (committed ? writes : reads).add(System.nanoTime() - started);
        }
    }

    private <T> T proxy(Class<T> type, Object target, Session session) {
        return type.cast(Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] { type },
                (proxy, method, arguments) -> invoke(target, session, method, arguments)));
    }

    private Object invoke(Object target, Session session, Method method, Object[] arguments) throws Throwable {
        String name = method.getName();
        if (ROUND_TRIPS.contains(name)) {
            roundTrips.incrementAndGet();
        }
        if (session != null && name.equals("commit")) {
            session.committed = true;
        }
        Object result;
        try {
            result = method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (target instanceof DataSource && name.equals("getConnection")) {
            connections.incrementAndGet();
            return proxy(Connection.class, result, new Session());
        }
        if (target instanceof Connection && name.equals("close")) {
            session.closed();
        }
        if (STATEMENT_FACTORIES.contains(name)) {
            return proxy(method.getReturnType(), result, session);
        }
        return result;
    }
}
