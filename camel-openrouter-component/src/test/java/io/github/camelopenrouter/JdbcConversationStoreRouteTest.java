package io.github.camelopenrouter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelopenrouter.conversation.ConversationStore;
import io.github.camelopenrouter.conversation.ConversationStoreException;
import io.github.camelopenrouter.conversation.ConversationTurn;
import io.github.camelopenrouter.conversation.jdbc.JdbcConversationStore;
import io.github.camelopenrouter.postgres.PostgresServer;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import io.github.camelopenrouter.wire.ContentPart;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelopenrouter.TestFiles.base64;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conversations kept in PostgreSQL through conversationDataSource, seen from the routes: two Camel applications
 * continue each other's conversations, a restarted one remembers, and a database that is down fails the exchange.
 */
class JdbcConversationStoreRouteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_KEY = "sk-or-v1-test-5ecret-0123456789abcdef";
    private static final String URI = "openrouter:chat?model=google/gemma-3-27b-it&pdfEngine=mistral-ocr"
                                      + "&conversationDataSource=#conversationDb";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private static PostgresServer postgres;
    private static OpenRouterSimulator simulator;

    private String database;
    private DataSource dataSource;
    private final List<CamelContext> contexts = new ArrayList<>();

    @BeforeAll
    static void startServers() {
        postgres = PostgresServer.start();
        simulator = OpenRouterSimulator.start();
    }

    @AfterAll
    static void stopServers() {
        if (simulator != null) {
            simulator.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void freshDatabase() {
        simulator.reset();
        database = "routes_" + DATABASES.incrementAndGet();
        dataSource = postgres.createDatabase(database);
    }

    @AfterEach
    void stopApplications() {
        contexts.forEach(CamelContext::stop);
        simulator.setLatency(Duration.ZERO);
    }

    /** One Camel application: the component configured as a user would, the DataSource a bean in its registry. */
    private CamelContext application() {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("conversationDb", dataSource);
        OpenRouterComponent component = new OpenRouterComponent();
        component.getConfiguration().setApiKey(API_KEY);
        component.getConfiguration().setBaseUrl(simulator.baseUrl());
        context.addComponent("openrouter", component);
        context.start();
        contexts.add(context);
        return context;
    }

    private static Exchange send(CamelContext context, String uri, Object body, Map<String, Object> headers) {
        ProducerTemplate template = context.createProducerTemplate();
        return template.send(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().getHeaders().putAll(headers);
        });
    }

    private static Exchange sendOk(CamelContext context, String uri, Object body, Map<String, Object> headers) {
        Exchange exchange = send(context, uri, body, headers);
        if (exchange.getException() != null) {
            throw new AssertionError("exchange failed: " + exchange.getException(), exchange.getException());
        }
        return exchange;
    }

    @Test
    void aRestartedApplicationContinuesTheConversationAndThePdfIsParsedOnce() throws Exception {
        byte[] pdf = TestFiles.pdf("Invoice 42 Total 99 EUR");
        CamelContext first = application();
        Exchange answer1 = sendOk(first, URI, pdf, Map.of(OpenRouterConstants.CONVERSATION_ID, "c-1",
                OpenRouterConstants.FILE_NAME, "invoice.pdf", OpenRouterConstants.PROMPT, "What are the main points?"));
        JsonNode annotations = answer1.getMessage().getHeader(OpenRouterConstants.ANNOTATIONS, JsonNode.class);
        assertThat(annotations).isNotNull();
        first.stop();

        CamelContext restarted = application();
        Exchange answer2 = sendOk(restarted, URI, "Can you elaborate on the total?",
                Map.of(OpenRouterConstants.CONVERSATION_ID, "c-1"));

        assertThat(simulator.lastRequest().json().get("messages")).isEqualTo(JSON.readTree("""
                [{"role":"user","content":[{"type":"text","text":"What are the main points?"},
                   {"type":"file","file":{"filename":"invoice.pdf","file_data":"data:application/pdf;base64,%s"}}]},
                 {"role":"assistant","content":%s,"annotations":%s},
                 {"role":"user","content":[{"type":"text","text":"Can you elaborate on the total?"}]}]"""
                .formatted(base64(pdf), JSON.valueToTree(answer1.getMessage().getBody(String.class)), annotations)));
        assertThat(answer2.getMessage().getBody(String.class)).endsWith("Reused annotations for invoice.pdf.");
        assertThat(simulator.stats().filesParsed()).isEqualTo(1);
        assertThat(simulator.stats().annotationsReused()).isEqualTo(1);
    }

    @Test
    void withUploadFilesTheOtherApplicationSendsOnlyTheFileId() throws Exception {
        String uri = URI + "&uploadFiles=true";
        CamelContext one = application();
        CamelContext other = application();
        sendOk(one, uri, TestFiles.pdf("Contract 7"), Map.of(OpenRouterConstants.CONVERSATION_ID, "by-id",
                OpenRouterConstants.FILE_NAME, "contract.pdf", OpenRouterConstants.PROMPT, "Who signed it?"));
        String fileId = simulator.fileIds().get(0);

        sendOk(other, uri, "When?", Map.of(OpenRouterConstants.CONVERSATION_ID, "by-id"));

        JsonNode messages = simulator.lastRequest().json().get("messages");
        assertThat(messages.get(0).get("content")).isEqualTo(JSON.readTree("""
                [{"type":"text","text":"Who signed it?"},{"type":"file","file":{"filename":"contract.pdf","file_id":"%s"}}]"""
                .formatted(fileId)));
        assertThat(simulator.lastRequest().body()).doesNotContain("file_data");
        assertThat(simulator.stats().filesParsed()).isEqualTo(1);
        assertThat(simulator.fileIds()).as("uploaded once").hasSize(1);
    }

    @Test
    void twoApplicationsAskingInOneConversationAtOnceKeepEveryTurnOnce() throws Exception {
        CamelContext one = application();
        CamelContext other = application();
        int perApplication = 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (CamelContext context : List.of(one, other)) {
                String name = context == one ? "one-" : "other-";
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < perApplication; i++) {
                        sendOk(context, URI, name + i, Map.of(OpenRouterConstants.CONVERSATION_ID, "busy"));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        List<String> questions = new JdbcConversationStore(dataSource).load("busy").stream()
                .map(JdbcConversationStoreRouteTest::question).toList();
        assertThat(questions).hasSize(2 * perApplication).doesNotHaveDuplicates();
        for (String name : List.of("one-", "other-")) {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < perApplication; i++) {
                expected.add(name + i);
            }
            assertThat(questions.stream().filter(q -> q.startsWith(name)).toList()).isEqualTo(expected);
        }
        // the last request carried every turn committed before it was sent
        JsonNode last = simulator.lastRequest().json().get("messages");
        assertThat(last.size()).isOdd().isGreaterThan(perApplication);
    }

    @Test
    void aDatabaseThatIsDownFailsTheExchangeNamingTheStoreAndRecoversWhenItIsBack() throws Exception {
        CamelContext context = application();
        sendOk(context, URI, "before", Map.of(OpenRouterConstants.CONVERSATION_ID, "outage"));
        int sent = simulator.requestCount();

        postgres.stop();
        Exchange failed;
        try {
            failed = send(context, URI, "during", Map.of(OpenRouterConstants.CONVERSATION_ID, "outage"));
        } finally {
            postgres.restart();
        }

        assertThat(failed.getException()).isInstanceOf(ConversationStoreException.class)
                .hasMessageContaining("The conversation store JdbcConversationStore[table openrouter_conversation,"
                                      + " PGSimpleDataSource] could not load conversation 'outage'")
                .hasMessageContaining("Connection to 127.0.0.1:" + postgres.port() + " refused");
        assertThat(failed.getProperty(OpenRouterConstants.ERROR_TYPE)).isEqualTo("conversation_store_failed");
        assertThat(simulator.requestCount()).as("nothing sent without the history").isEqualTo(sent);

        sendOk(context, URI, "after", Map.of(OpenRouterConstants.CONVERSATION_ID, "outage"));
        assertThat(simulator.lastRequest().json().get("messages")).hasSize(3);
    }

    @Test
    void aDatabaseLostWhileTheModelAnswersFailsTheExchangeAndWritesNoTurn() throws Exception {
        CamelContext context = application();
        sendOk(context, URI, "before", Map.of(OpenRouterConstants.CONVERSATION_ID, "lost"));
        simulator.setLatency(Duration.ofMillis(1500));

        CompletableFuture<Exchange> pending = context.createProducerTemplate().asyncSend(URI, exchange -> {
            exchange.getMessage().setBody("while the database goes");
            exchange.getMessage().setHeader(OpenRouterConstants.CONVERSATION_ID, "lost");
        });
        simulator.awaitRequests(2, Duration.ofSeconds(10));
        postgres.stop();
        Exchange failed;
        try {
            failed = pending.get(30, TimeUnit.SECONDS);
        } finally {
            postgres.restart();
        }

        assertThat(failed.getException()).isInstanceOf(ConversationStoreException.class)
                .hasMessageContaining("could not append a turn to conversation 'lost'");
        assertThat(failed.getProperty(OpenRouterConstants.ERROR_TYPE)).isEqualTo("conversation_store_failed");
        assertThat(new JdbcConversationStore(dataSource).load("lost")).extracting(JdbcConversationStoreRouteTest::question)
                .containsExactly("before");
    }

    @Test
    void aQuestionDeliveredAgainToTheOtherApplicationIsSentWithItsFirstHistoryAndRecordedOnce() throws Exception {
        CamelContext one = application();
        CamelContext other = application();
        sendOk(one, URI, "What is due?", Map.of(OpenRouterConstants.CONVERSATION_ID, "kafka",
                OpenRouterConstants.CONVERSATION_TURN_ID, "question-1"));
        sendOk(one, URI, "By when?", Map.of(OpenRouterConstants.CONVERSATION_ID, "kafka",
                OpenRouterConstants.CONVERSATION_TURN_ID, "question-2"));
        JsonNode firstTime = simulator.lastRequest().json().get("messages");

        // the first instance died before committing question-2's offset: the other one reads it again
        sendOk(other, URI, "By when?", Map.of(OpenRouterConstants.CONVERSATION_ID, "kafka",
                OpenRouterConstants.CONVERSATION_TURN_ID, "question-2"));

        assertThat(simulator.lastRequest().json().get("messages")).isEqualTo(firstTime).hasSize(3);
        assertThat(new JdbcConversationStore(dataSource).load("kafka")).extracting(ConversationTurn::turnId)
                .containsExactly("question-1", "question-2");
        sendOk(other, URI, "And then?", Map.of(OpenRouterConstants.CONVERSATION_ID, "kafka",
                OpenRouterConstants.CONVERSATION_TURN_ID, "question-3"));
        assertThat(simulator.lastRequest().json().get("messages")).hasSize(5);
    }

    @Test
    void endpointsOnOneDataSourceShareOneStoreThatAppendsOnTheComponentsWorkers() throws Exception {
        CamelContext context = application();
        OpenRouterEndpoint first = context.getEndpoint(URI, OpenRouterEndpoint.class);
        OpenRouterEndpoint second = context.getEndpoint(URI + "&temperature=0.5", OpenRouterEndpoint.class);
        first.start();
        second.start();
        assertThat(first.getConversationStore()).isInstanceOf(JdbcConversationStore.class)
                .isSameAs(second.getConversationStore());

        JdbcConversationStore shared = (JdbcConversationStore) first.getConversationStore();
        List<String> threads = new CopyOnWriteArrayList<>();
        context.getRegistry().bind("watchedStore", new ConversationStore() {
            @Override
            public List<ConversationTurn> load(String conversationId) {
                threads.add("load " + Thread.currentThread().getName());
                return shared.load(conversationId);
            }

            @Override
            public void append(String conversationId, ConversationTurn turn) {
                threads.add("append " + Thread.currentThread().getName());
                shared.append(conversationId, turn);
            }

            @Override
            public void remove(String conversationId) {
                shared.remove(conversationId);
            }
        });
        sendOk(context, "openrouter:chat?model=google/gemma-3-27b-it&conversationStore=#watchedStore", "hello",
                Map.of(OpenRouterConstants.CONVERSATION_ID, "threads"));

        assertThat(threads).hasSize(2);
        assertThat(threads.get(0)).as("the route's own thread").isEqualTo("load " + Thread.currentThread().getName());
        assertThat(threads.get(1)).contains("append ").contains("OpenRouterWorker").doesNotContain("OpenRouterClient");
        assertThat(shared.load("threads")).hasSize(1);
    }

    @Test
    void camelMainConfiguredByPropertiesAndYamlKeepsConversationsInTheDatabase() throws Exception {
        Main main = new Main();
        main.configure().withRoutesIncludePattern("classpath:routes/jdbc-conversation.yaml");
        main.addInitialProperty("camel.beans.conversationDb", "#class:org.postgresql.ds.PGSimpleDataSource");
        main.addInitialProperty("camel.beans.conversationDb.url", postgres.jdbcUrl(database));
        main.addInitialProperty("camel.beans.conversationDb.user", postgres.user());
        main.addInitialProperty("camel.beans.conversationDb.password", postgres.password());
        main.addInitialProperty("camel.component.openrouter.conversation-data-source", "#conversationDb");
        main.addInitialProperty("camel.component.openrouter.conversation-ttl", "24h");
        main.addInitialProperty("camel.component.openrouter.api-key", API_KEY);
        main.addInitialProperty("camel.component.openrouter.base-url", simulator.baseUrl());
        main.start();
        try {
            ProducerTemplate template = main.getCamelContext().createProducerTemplate();
            for (String route : List.of("direct:ask", "direct:askPerEndpoint")) {
                template.sendBodyAndHeader(route, "first", OpenRouterConstants.CONVERSATION_ID, route);
                template.sendBodyAndHeader(route, "second", OpenRouterConstants.CONVERSATION_ID, route);
                assertThat(simulator.lastRequest().json().get("messages")).as(route).hasSize(3);
            }
            List<JdbcConversationStore> stores = main.getCamelContext().getEndpoints().stream()
                    .filter(OpenRouterEndpoint.class::isInstance)
                    .map(endpoint -> (JdbcConversationStore) ((OpenRouterEndpoint) endpoint).getConversationStore())
                    .toList();
            assertThat(stores).extracting(JdbcConversationStore::getTtl)
                    .containsExactlyInAnyOrder(Duration.ofHours(24), Duration.ofHours(2));
        } finally {
            main.stop();
        }
        assertThat(new JdbcConversationStore(dataSource).load("direct:ask")).extracting(JdbcConversationStoreRouteTest::question)
                .containsExactly("first", "second");
    }

    private static String question(ConversationTurn turn) {
        return ((ContentPart.Text) ((List<?>) turn.user().content()).get(0)).text();
    }
}
