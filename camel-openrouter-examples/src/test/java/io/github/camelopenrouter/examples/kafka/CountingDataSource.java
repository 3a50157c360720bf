package io.github.camelopenrouter.examples.kafka;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

/**
 * Counts what a DataSource's user asks of the database: connections taken, and round trips - each statement
 * executed, each commit and rollback and each validity check is one exchange with the server (PostgreSQL's driver
 * sends the BEGIN of a transaction along with its first statement, and nothing for setAutoCommit(false)).
 */
final class CountingDataSource {

    private static final Set<String> ROUND_TRIPS = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
            "executeLargeUpdate", "executeLargeBatch", "commit", "rollback", "isValid");
    private static final Set<String> STATEMENT_FACTORIES = Set.of("createStatement", "prepareStatement", "prepareCall");

    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong roundTrips = new AtomicLong();

    /** The data source to give the user: every call goes to {@code target}, counted on the way. */
    DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target);
    }

    long connections() {
        return connections.get();
    }

    long roundTrips() {
        return roundTrips.get();
    }

    void reset() {
        connections.set(0);
        roundTrips.set(0);
    }

    private <T> T proxy(Class<T> type, Object target) {
        return type.cast(Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] { type },
                (proxy, method, arguments) -> invoke(target, method, arguments)));
    }

    private Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
        String name = method.getName();
        if (ROUND_TRIPS.contains(name)) {
            roundTrips.incrementAndGet();
        }
        Object result;
        try {
            result = method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (name.equals("getConnection")) {
            connections.incrementAndGet();
            return proxy(Connection.class, result);
        }
        if (STATEMENT_FACTORIES.contains(name)) {
            return proxy(method.getReturnType(), result);
        }
        return result;
    }
}
