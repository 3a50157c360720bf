package io.github.camelopenrouter.conversation.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelopenrouter.TestFiles;
import io.github.camelopenrouter.conversation.ConversationStoreException;
import io.github.camelopenrouter.conversation.ConversationTurn;
import io.github.camelopenrouter.conversation.MutableClock;
import io.github.camelopenrouter.postgres.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelopenrouter.conversation.jdbc.StoreTurns.question;
import static io.github.camelopenrouter.conversation.jdbc.StoreTurns.text;
import static io.github.camelopenrouter.conversation.jdbc.StoreTurns.wire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JDBC store's contract, against a real PostgreSQL: what load returns after appends, bounds, expiry, failures. */
class JdbcConversationStoreTest {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static PostgresServer postgres;
    private static DataSource dataSource;

    private final MutableClock clock = new MutableClock();
    private String table;
    private JdbcConversationStore store;

    @BeforeAll
    static void startDatabase() {
        postgres = PostgresServer.start();
        dataSource = postgres.createDatabase("store_contract");
    }

    @AfterAll
    static void stopDatabase() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void freshTables() {
        table = "conv_" + TABLES.incrementAndGet();
        store = newStore();
    }

    private JdbcConversationStore newStore() {
        JdbcConversationStore created = new JdbcConversationStore(dataSource);
        created.setTable(table);
        created.setClock(clock);
        return created;
    }

    @Test
    void loadReturnsTheAppendedTurnsOldestFirstAsTheyWereSent() throws Exception {
        byte[] pdf = TestFiles.pdf("Invoice 42 Total 99 EUR");
        JsonNode annotations = new ObjectMapper().readTree("""
                [{"type":"file","file":{"hash":"abc","name":"invoice.pdf","content":[{"type":"text","text":"Invoice 42"}]}}]""");
        List<ConversationTurn> appended = List.of(StoreTurns.withPdf("What is it?", pdf, "An invoice.", annotations),
                text("The total?", "99 EUR."), StoreTurns.withFileId("And this one?", "file-123", "Also an invoice."));
        for (ConversationTurn turn : appended) {
            store.append("c-1", turn);
        }

        List<ConversationTurn> loaded = store.load("c-1");

        assertThat(loaded).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(wire(loaded.get(i))).isEqualTo(wire(appended.get(i)));
            assertThat(loaded.get(i).sizeInBytes()).isEqualTo(appended.get(i).sizeInBytes());
        }
        assertThat(store.load("unknown")).isEmpty();
        assertThat(store.load("c-1")).as("load does not consume").hasSize(3);
    }

    @Test
    void aFileSentInlineIsStoredAsItsBytesAndAFileIdAsTheIdOnly() throws Exception {
        byte[] pdf = TestFiles.pdf("Scan");
        store.append("inline", StoreTurns.withPdf("q", pdf, "a", null));
        store.append("by-id", StoreTurns.withFileId("q", "file-123", "a"));

        assertThat(query("SELECT octet_length(files), turn FROM " + table + "_turn WHERE conversation_id = 'inline'"))
                .containsExactly(List.of(Integer.toString(pdf.length), """
                        {"v":1,"user":[{"type":"text","text":"q"},{"type":"file","filename":"invoice.pdf","data":\
                        {"prefix":"data:application/pdf;base64,","bytes":%d,"source":"invoice.pdf"}}],\
                        "assistant":"a"}""".formatted(pdf.length)));
        assertThat(query("SELECT octet_length(files), turn FROM " + table + "_turn WHERE conversation_id = 'by-id'"))
                .containsExactly(java.util.Arrays.asList(null, """
                        {"v":1,"user":[{"type":"text","text":"q"},{"type":"file","filename":"invoice.pdf",\
                        "file_id":"file-123"}],"assistant":"a"}"""));
    }

    @Test
    void keepsTheNewestMaxTurnsAndNumbersTurnsInTheDatabase() throws Exception {
        store.setMaxTurns(3);
        for (int i = 1; i <= 5; i++) {
            store.append("bounded", text("q" + i, "a" + i));
        }

        assertThat(store.load("bounded")).extracting(StoreTurns::question).containsExactly("q3", "q4", "q5");
        assertThat(query("SELECT seq FROM " + table + "_turn WHERE conversation_id = 'bounded' ORDER BY seq"))
                .containsExactly(List.of("3"), List.of("4"), List.of("5"));
    }

    @Test
    void aTurnIdTheConversationHoldsIsNotAppendedAgainAndLoadBeforeGivesItsEarlierHistory() throws Exception {
        store.append("redelivered", text("q1", "a1").withTurnId("m-1"));
        store.append("redelivered", text("q2", "first answer").withTurnId("m-2"));
        store.append("redelivered", text("q3", "a3").withTurnId("m-3"));

        assertThat(store.loadBefore("redelivered", "m-2")).extracting(StoreTurns::question).containsExactly("q1");
        assertThat(store.loadBefore("redelivered", "m-9")).as("a new turn id: the whole conversation").hasSize(3);
        store.append("redelivered", text("q2", "second answer").withTurnId("m-2"));

        List<ConversationTurn> turns = store.load("redelivered");
        assertThat(turns).extracting(StoreTurns::question).containsExactly("q1", "q2", "q3");
        assertThat(turns).extracting(ConversationTurn::turnId).containsExactly("m-1", "m-2", "m-3");
        assertThat(turns.get(1).assistant().content()).as("the first answer stays").isEqualTo("first answer");
        assertThat(query("SELECT max(seq), last_seq FROM " + table + "_turn JOIN " + table
                         + " USING (conversation_id) GROUP BY last_seq")).containsExactly(List.of("3", "3"));

        store.append("other", text("q", "a").withTurnId("m-2"));
        assertThat(store.load("other")).as("turn ids are per conversation").hasSize(1);
    }

    @Test
    void aTurnCostsOneQueryToLoadAndThreeOrFourStatementsInOneTransactionToAppend() {
        List<String> statements = new java.util.concurrent.CopyOnWriteArrayList<>();
        JdbcConversationStore counted = new JdbcConversationStore(countingStatements(dataSource, statements));
        counted.setTable(table);
        counted.setMaxTurns(2);
        counted.createTables();
        statements.clear();

        counted.load("trips");
        assertThat(statements).containsExactly("SELECT");
        statements.clear();
        counted.append("trips", text("q1", "a1").withTurnId("m-1"));
        assertThat(statements).as("a first turn").containsExactly("SELECT", "INSERT", "INSERT", "commit");
        statements.clear();
        counted.append("trips", text("q2", "a2"));
        assertThat(statements).containsExactly("SELECT", "UPDATE", "INSERT", "commit");
        statements.clear();
        counted.append("trips", text("q3", "a3").withTurnId("m-3"));
        assertThat(statements).as("past maxTurns").containsExactly("SELECT", "UPDATE", "INSERT", "DELETE", "commit");
        statements.clear();
        counted.append("trips", text("q3", "again").withTurnId("m-3"));
        assertThat(statements).as("a turn id it holds: the lock finds it").containsExactly("SELECT", "commit");
    }

    /** The DataSource, noting the first word of every statement its connections prepare, and every commit. */
    private static DataSource countingStatements(DataSource real, List<String> statements) {
        java.lang.reflect.InvocationHandler dataSource = (proxy, method, args) -> {
            Object result = invoke(real, method, args);
            if (!method.getName().equals("getConnection")) {
                return result;
            }
            Connection connection = (Connection) result;
            return java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] { Connection.class }, (p, m, a) -> {
                        if (m.getName().equals("prepareStatement")) {
                            statements.add(((String) a[0]).trim().split(" ")[0]);
                        } else if (m.getName().equals("commit")) {
                            statements.add("commit");
                        }
                        return invoke(connection, m, a);
                    });
        };
        return (DataSource) java.lang.reflect.Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] { DataSource.class }, dataSource);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void removeForgetsAConversationAndItsTurns() throws Exception {
        store.append("gone", text("q", "a"));
        store.append("kept", text("q", "a"));

        store.remove("gone");

        assertThat(store.load("gone")).isEmpty();
        assertThat(store.load("kept")).hasSize(1);
        assertThat(query("SELECT count(*) FROM " + table + "_turn WHERE conversation_id = 'gone'"))
                .containsExactly(List.of("0"));
    }

    @Test
    void anExpiredConversationIsNotReturnedAndStartsAfresh() {
        store.setTtl(Duration.ofMinutes(30));
        store.append("old", text("first", "a"));
        clock.advance(Duration.ofMinutes(29));
        assertThat(store.load("old")).as("still alive one minute before it expires").hasSize(1);
        store.append("old", text("second", "b"));
        clock.advance(Duration.ofMinutes(29));
        assertThat(store.load("old")).as("the second turn renewed it").hasSize(2);

        clock.advance(Duration.ofMinutes(2));
        assertThat(store.load("old")).isEmpty();

        store.append("old", text("third", "c"));
        assertThat(store.load("old")).extracting(StoreTurns::question).containsExactly("third");
    }

    @Test
    void expiredConversationsAreDeletedInBatchesAtMostOncePerInterval() throws Exception {
        store.setTtl(Duration.ofMinutes(10));
        store.setCleanupBatchSize(10);
        store.setCleanupInterval(Duration.ofMinutes(15));
        // the store's first append runs a clean-up (nothing to delete yet); the next is due 15 minutes later
        for (int i = 0; i < 25; i++) {
            store.append("expiring-" + i, text("q", "a"));
        }
        clock.advance(Duration.ofMinutes(11));
        store.append("live", text("q", "a"));
        assertThat(store.load("expiring-0")).as("expired").isEmpty();
        assertThat(count(table)).as("no clean-up due yet: the expired rows are still there").isEqualTo(26);

        clock.advance(Duration.ofMinutes(5));
        store.append("live", text("q", "a"));
        assertThat(count(table)).as("the 25 deleted, in three batches of at most 10").isEqualTo(1);
        assertThat(count(table + "_turn")).isEqualTo(2);
        assertThat(store.load("live")).hasSize(2);

        for (int i = 0; i < 5; i++) {
            store.append("later-" + i, text("q", "a"));
        }
        clock.advance(Duration.ofMinutes(11));
        assertThat(store.removeExpired()).as("on demand, whatever the interval").isEqualTo(6);
        assertThat(count(table)).isZero();
        assertThat(count(table + "_turn")).isZero();
    }

    @Test
    void twoInstancesAppendingToOneConversationAtOnceLoseAndDuplicateNothing() throws Exception {
        store.setMaxTurns(1000);
        JdbcConversationStore other = newStore();
        other.setMaxTurns(1000);
        int perInstance = 40;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (JdbcConversationStore instance : List.of(store, other)) {
                String name = instance == store ? "a" : "b";
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < perInstance; i++) {
                        instance.append("contended", text(name + i, "answer " + name + i));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        List<String> questions = store.load("contended").stream().map(StoreTurns::question).toList();
        assertThat(questions).hasSize(2 * perInstance).doesNotHaveDuplicates();
        for (String name : List.of("a", "b")) {
            List<String> mine = questions.stream().filter(q -> q.startsWith(name)).toList();
            List<String> inOrder = new ArrayList<>();
            for (int i = 0; i < perInstance; i++) {
                inOrder.add(name + i);
            }
            assertThat(mine).as("each instance's turns in the order it appended them").isEqualTo(inOrder);
        }
        assertThat(query("SELECT min(seq), max(seq), count(DISTINCT seq) FROM " + table + "_turn"))
                .as("numbered 1..n by the database, no gap, no tie")
                .containsExactly(List.of("1", Integer.toString(2 * perInstance), Integer.toString(2 * perInstance)));
    }

    @Test
    void aTurnTheDatabaseRefusesLeavesNothingBehind() throws Exception {
        store.append("atomic", text("small", "a"));
        execute("ALTER TABLE " + table + "_turn ADD CONSTRAINT small_turns CHECK (size_bytes < 100)");

        assertThatThrownBy(() -> store.append("atomic", text("x".repeat(200), "a")))
                .isInstanceOf(ConversationStoreException.class)
                .hasMessageContaining("JdbcConversationStore[table " + table)
                .hasMessageContaining("could not append a turn to conversation 'atomic'")
                .hasMessageContaining("small_turns");

        assertThat(query("SELECT last_seq FROM " + table)).as("the conversation row rolled back with the turn")
                .containsExactly(List.of("1"));
        store.append("atomic", text("small again", "b"));
        assertThat(store.load("atomic")).extracting(StoreTurns::question).containsExactly("small", "small again");
        assertThat(query("SELECT seq FROM " + table + "_turn ORDER BY seq")).containsExactly(List.of("1"), List.of("2"));
    }

    @Test
    void aDatabaseThatIsDownFailsWithTheStoreAndTheCauseThenRecovers() throws Exception {
        store.append("outage", text("before", "a"));
        postgres.stop();
        try {
            assertThatThrownBy(() -> store.load("outage")).isInstanceOf(ConversationStoreException.class)
                    .hasMessageContaining("The conversation store JdbcConversationStore[table " + table
                                          + ", PGSimpleDataSource] could not load conversation 'outage'")
                    .hasMessageContaining("Connection to 127.0.0.1:" + postgres.port() + " refused")
                    .hasCauseInstanceOf(SQLException.class);
            assertThatThrownBy(() -> store.append("outage", text("during", "b")))
                    .isInstanceOf(ConversationStoreException.class)
                    .hasMessageContaining("could not append a turn to conversation 'outage'")
                    .hasMessageContaining("refused");
        } finally {
            postgres.restart();
        }

        store.append("outage", text("after", "c"));
        assertThat(store.load("outage")).extracting(StoreTurns::question).containsExactly("before", "after");
    }

    @Test
    void withoutCreateTablesTheStoreUsesTablesMadeFromTheDocumentedDdl() throws Exception {
        store.setCreateTables(false);
        assertThatThrownBy(() -> store.load("c")).isInstanceOf(ConversationStoreException.class)
                .hasMessageContaining("relation \"" + table + "_turn\" does not exist")
                .hasMessageContaining("createTables is off: create the tables first (JdbcConversationStore.ddl())");

        for (String ddl : store.tableDdl()) {
            execute(ddl);
        }
        store.append("c", text("q", "a"));
        assertThat(store.load("c")).hasSize(1);
        assertThat(JdbcConversationStore.ddl().get(0)).startsWith("CREATE TABLE IF NOT EXISTS openrouter_conversation (");
    }

    @Test
    void twoStoresCreatingTheTablesAtOnceBothWork() throws Exception {
        // PostgreSQL fails the loser of a CREATE TABLE IF NOT EXISTS race in more than one way (a duplicate key in
        // pg_type, or "type ... already exists"), depending on the moment: many races, each started at one instant
        for (int round = 0; round < 12; round++) {
            table = "conv_" + TABLES.incrementAndGet();
            JdbcConversationStore one = newStore();
            JdbcConversationStore other = newStore();
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
                await(start);
                one.append("both", text("one", "a"));
            });
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
                await(start);
                other.append("both", text("two", "b"));
            });
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);

            assertThat(one.load("both")).as("round %d", round).extracting(StoreTurns::question)
                    .containsExactlyInAnyOrder("one", "two");
        }
    }

    private static void await(java.util.concurrent.CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void refusesBadIdsAndTableNamesBeforeAnyStatement() {
        assertThatThrownBy(() -> store.load("x".repeat(256))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 255 characters, got 256");
        assertThatThrownBy(() -> store.setTable("t; DROP TABLE x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a table name");
    }

    @Test
    void theComponentDocShowsTheStoresDdl() throws Exception {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/docs/openrouter-component.adoc"));
        int start = doc.indexOf("[source,sql]\n----\n") + "[source,sql]\n----\n".length();
        String documented = doc.substring(start, doc.indexOf("\n----", start));

        assertThat(normalised(documented)).isEqualTo(normalised(String.join(";\n", JdbcConversationStore.ddl()) + ";"));
    }

    private static String normalised(String sql) {
        return sql.replaceAll("\\s+", " ").replace("( ", "(").trim();
    }

    private static long count(String table) throws SQLException {
        return Long.parseLong(query("SELECT count(*) FROM " + table).get(0).get(0));
    }

    private static List<List<String>> query(String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
