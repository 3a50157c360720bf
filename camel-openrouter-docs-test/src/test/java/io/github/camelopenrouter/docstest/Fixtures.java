package io.github.camelopenrouter.docstest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.github.camelopenrouter.examples.kafka.KafkaTestCluster;
import io.github.camelopenrouter.simulator.OpenRouterSimulator;
import io.github.camelopenrouter.simulator.TestPdfs;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.impl.DefaultFtpServer;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.ftplet.UserManager;

/**
 * The fixtures a marker can name after {@code run:}; an unknown name fails the block, listing these. The small ones
 * are here; {@link KafkaFixture}, {@link KafkaConversationsFixture} and {@link StreamingFixture} have files of their
 * own.
 */
final class Fixtures {

    static final List<String> NAMES = List.of("mailbox", "ftp", "kafka", "kafka-conversations", "streaming",
            "spring-boot", "simulator");

    /** One broker for every Kafka command (each uses topics and a group of its own): it takes seconds to start. */
    private static KafkaTestCluster kafka;

    private Fixtures() {
    }

    static synchronized KafkaTestCluster kafka() throws Exception {
        if (kafka == null) {
            kafka = KafkaTestCluster.start();
        }
        return kafka;
    }

    /**
     * The Kafka consumer's poll, 5 s by default, shortened: stopping the command waits for the poll in progress (a
     * second per block instead of five). What it answers does not change.
     */
    static String kafkaPoll() {
        return " -Dcamel.component.kafka.poll-timeout-ms=500";
    }

    /** Stops what fixtures share, after the last block. */
    static synchronized void closeShared() throws Exception {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    static Fixture named(String name, OpenRouterSimulator simulator) throws Exception {
        return switch (name) {
            case "mailbox" -> new Mailbox(simulator);
            case "ftp" -> new Ftp(simulator);
            case "kafka" -> new KafkaFixture(simulator, kafka());
            case "kafka-conversations" -> new KafkaConversationsFixture(simulator, kafka());
            case "streaming" -> new StreamingFixture(simulator);
            case "spring-boot" -> new SpringBoot(simulator);
            case "simulator" -> new StandaloneSimulator();
            default -> throw new AssertionError("no fixture named '" + name + "'; known: " + NAMES);
        };
    }

    /** How every Camel Main example is pointed at the simulator: Camel's own environment-variable binding. */
    static Map<String, String> simulatorEnvironment(OpenRouterSimulator simulator) {
        // BASEURL, not BASE_URL: Spring's relaxed binding reads BASE_URL as base.url (no such option); Camel Main
        // matches option names regardless of case
        return Map.of("CAMEL_COMPONENT_OPENROUTER_BASEURL", simulator.baseUrl());
    }

    /** exec:java runs in Maven's JVM, where Camel Main takes camel.component.* system properties as settings. */
    static String baseUrl(OpenRouterSimulator simulator) {
        return " -Dcamel.component.openrouter.base-url=" + simulator.baseUrl();
    }

    /** A real IMAP and SMTP server (GreenMail, as MailboxAnswerRouteTest uses); done when the answer came back. */
    static final class Mailbox implements Fixture {
        private final OpenRouterSimulator simulator;
        private final GreenMail mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

        Mailbox(OpenRouterSimulator simulator) {
            this.simulator = simulator;
            mail.start();
            mail.setUser("bot@localhost", "bot", "bot-secret");
            mail.setUser("alice@localhost", "alice", "alice-secret");
        }

        @Override
        public Map<String, String> environment() {
            return simulatorEnvironment(simulator);
        }

        @Override
        public String mavenArguments() {
            return "-Dmailbox.imap.protocol=imap -Dmailbox.imap.host=127.0.0.1 -Dmailbox.imap.port="
                   + mail.getImap().getPort() + " -Dmailbox.smtp.protocol=smtp -Dmailbox.smtp.host=127.0.0.1"
                   + " -Dmailbox.smtp.port=" + mail.getSmtp().getPort()
                   + " -Dmailbox.username=bot -Dmailbox.password=bot-secret -Dmailbox.reply-from=bot@localhost"
                   + " -Dmailbox.poll-delay=PT1S" + baseUrl(simulator);
        }

        @Override
        public void before(Path copy) {
            GreenMailUtil.sendTextEmail("bot@localhost", "alice@localhost", "Our meeting",
                    "Please summarise: the regatta moves to Saturday.", mail.getSmtp().getServerSetup());
        }

        @Override
        public boolean done(Path copy, String output) throws Exception {
            for (jakarta.mail.internet.MimeMessage message : mail.getReceivedMessages()) {
                if (message.getSubject() != null && message.getSubject().startsWith("Re: Our meeting")) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String expectation() {
            return "a reply 'Re: Our meeting' to alice@localhost for the mail sent to the bot's mailbox";
        }

        @Override
        public void close() {
            mail.stop();
        }
    }

    /** A real FTP server (Apache FtpServer, passive mode, as FtpAnswerRouteTest uses); done when the answer is up. */
    static final class Ftp implements Fixture {
        private final OpenRouterSimulator simulator;
        private final Path home;
        private final FtpServer server;
        private final int port;

        Ftp(OpenRouterSimulator simulator) throws Exception {
            this.simulator = simulator;
            this.home = Files.createTempDirectory("docs-test-ftp");
            DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
            data.setActiveEnabled(false);
            data.setPassiveAddress("127.0.0.1");
            ListenerFactory listener = new ListenerFactory();
            listener.setServerAddress("127.0.0.1");
            listener.setPort(0);
            listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
            UserManager users = new PropertiesUserManagerFactory().createUserManager();
            BaseUser user = new BaseUser();
            user.setName("scanner");
            user.setPassword("scan-secret");
            user.setHomeDirectory(home.toString());
            user.setAuthorities(List.of(new WritePermission()));
            users.save(user);
            FtpServerFactory factory = new FtpServerFactory();
            factory.addListener("default", listener.createListener());
            factory.setUserManager(users);
            server = factory.createServer();
            server.start();
            port = ((DefaultFtpServer) server).getListener("default").getPort();
        }

        @Override
        public Map<String, String> environment() {
            return simulatorEnvironment(simulator);
        }

        @Override
        public String mavenArguments() {
            return "-Dftp.host=127.0.0.1 -Dftp.port=" + port + " -Dftp.password=scan-secret -Dftp.poll-delay=PT1S"
                   + " -Dftp.upload-settle-time=PT0.5S" + baseUrl(simulator);
        }

        @Override
        public void before(Path copy) throws Exception {
            Files.createDirectories(home.resolve("inbox"));
            Files.write(home.resolve("inbox/scan.pdf"), TestPdfs.withText("Invoice 42, total 99 EUR"));
        }

        @Override
        public boolean done(Path copy, String output) {
            return Files.exists(home.resolve("answers/scan.pdf.md")) && Files.exists(home.resolve("inbox/.done/scan.pdf"));
        }

        @Override
        public String expectation() {
            return "answers/scan.pdf.md on the FTP server and the scan moved to inbox/.done";
        }

        @Override
        public void close() {
            server.stop();
        }
    }

    /**
     * The Spring Boot application: a file dropped after it started and a second one dropped later must both be
     * answered, which also shows it keeps running (the run controller) instead of exiting after start.
     */
    static final class SpringBoot implements Fixture {
        private final OpenRouterSimulator simulator;
        private boolean secondDropped;

        SpringBoot(OpenRouterSimulator simulator) {
            this.simulator = simulator;
        }

        @Override
        public Map<String, String> environment() {
            return simulatorEnvironment(simulator);
        }

        @Override
        public void before(Path copy) throws Exception {
            Path inbox = Files.createDirectories(copy.resolve("camel-openrouter-examples-spring-boot/inbox"));
            Files.write(inbox.resolve("first.pdf"), TestPdfs.withText("First"));
        }

        @Override
        public boolean done(Path copy, String output) throws Exception {
            Path module = copy.resolve("camel-openrouter-examples-spring-boot");
            if (!secondDropped && Files.exists(module.resolve("outbox/first.pdf.md"))) {
                Thread.sleep(2000);
                Files.write(module.resolve("inbox/second.pdf"), TestPdfs.withText("Second"));
                secondDropped = true;
            }
            return secondDropped && Files.exists(module.resolve("outbox/second.pdf.md"));
        }

        @Override
        public String expectation() {
            return "outbox/first.pdf.md, then (dropped 2 s later) outbox/second.pdf.md, with the application still running";
        }
    }

    /** The standalone simulator: it prints its URL and the key it accepts, with no SLF4J complaint. */
    static final class StandaloneSimulator implements Fixture {
        @Override
        public boolean done(Path copy, String output) {
            return output.contains("http://127.0.0.1:") && output.contains("sk-or-");
        }

        @Override
        public String expectation() {
            return "the simulator's base URL (http://127.0.0.1:...) and the key it accepts (sk-or-...) printed";
        }
    }
}
