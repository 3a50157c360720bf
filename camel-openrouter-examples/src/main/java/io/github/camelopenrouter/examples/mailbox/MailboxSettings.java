package io.github.camelopenrouter.examples.mailbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * Where the mailbox is, how to answer, and what to ask the model. Defaults fit a provider with IMAPS on 993 and SMTPS
 * on 465; {@link #fromProperties(Properties)} reads the same settings from {@code mailbox.*} and {@code openrouter.*}
 * properties.
 */
public final class MailboxSettings {

    private String imapProtocol = "imaps";
    private String imapHost;
    private int imapPort = 993;
    private String smtpProtocol = "smtps";
    private String smtpHost;
    private int smtpPort = 465;
    private String username;
    private String password;
    private String folder = "INBOX";
    private Duration pollDelay = Duration.ofSeconds(30);
    private String replyFrom;
    private Path answersFolder;
    private String model = "google/gemini-2.5-flash";
    private String prompt = "Answer this mail. Read every attached document and image; say which ones you used.";

    /**
     * Reads {@code mailbox.imap.protocol|host|port}, {@code mailbox.smtp.protocol|host|port},
     * {@code mailbox.username}, {@code mailbox.password}, {@code mailbox.folder}, {@code mailbox.poll-delay} (an ISO-8601
     * duration such as PT30S), {@code mailbox.reply-from}, {@code mailbox.answers-folder} (set it to store answers
     * there instead of replying), {@code openrouter.model} and {@code openrouter.prompt}. Unset keys keep the defaults.
     */
    public static MailboxSettings fromProperties(Properties properties) {
        MailboxSettings settings = new MailboxSettings();
        settings.imap(properties.getProperty("mailbox.imap.protocol", settings.imapProtocol),
                properties.getProperty("mailbox.imap.host"),
                Integer.parseInt(properties.getProperty("mailbox.imap.port", String.valueOf(settings.imapPort))));
        settings.smtp(properties.getProperty("mailbox.smtp.protocol", settings.smtpProtocol),
                properties.getProperty("mailbox.smtp.host"),
                Integer.parseInt(properties.getProperty("mailbox.smtp.port", String.valueOf(settings.smtpPort))));
        settings.login(properties.getProperty("mailbox.username"), properties.getProperty("mailbox.password"));
        settings.folder(properties.getProperty("mailbox.folder", settings.folder));
        settings.pollDelay(Duration.parse(properties.getProperty("mailbox.poll-delay", settings.pollDelay.toString())));
        settings.replyFrom(properties.getProperty("mailbox.reply-from"));
        String answers = properties.getProperty("mailbox.answers-folder");
        settings.answersFolder(answers == null ? null : Path.of(answers));
        settings.model(properties.getProperty("openrouter.model", settings.model));
        settings.prompt(properties.getProperty("openrouter.prompt", settings.prompt));
        return settings;
    }

    /** The mailbox to poll: protocol imap or imaps. */
    public MailboxSettings imap(String protocol, String host, int port) {
        this.imapProtocol = protocol;
        this.imapHost = host;
        this.imapPort = port;
        return this;
    }

    /** The server replies are sent through: protocol smtp or smtps; the mailbox login is used. */
    public MailboxSettings smtp(String protocol, String host, int port) {
        this.smtpProtocol = protocol;
        this.smtpHost = host;
        this.smtpPort = port;
        return this;
    }

    public MailboxSettings login(String username, String password) {
        this.username = username;
        this.password = password;
        return this;
    }

    public MailboxSettings folder(String folder) {
        this.folder = folder;
        return this;
    }

    /** Time between two looks into the mailbox; a mail whose answer failed is tried again on the next one. */
    public MailboxSettings pollDelay(Duration pollDelay) {
        this.pollDelay = pollDelay;
        return this;
    }

    /** The From address of replies; defaults to the mailbox user name. */
    public MailboxSettings replyFrom(String replyFrom) {
        this.replyFrom = replyFrom;
        return this;
    }

    /** When set, answers are written there as files instead of being mailed back. */
    public MailboxSettings answersFolder(Path answersFolder) {
        this.answersFolder = answersFolder;
        return this;
    }

    public MailboxSettings model(String model) {
        this.model = model;
        return this;
    }

    public MailboxSettings prompt(String prompt) {
        this.prompt = prompt;
        return this;
    }

    public String imapProtocol() {
        return imapProtocol;
    }

    public String imapHost() {
        return required(imapHost, "the IMAP host (mailbox.imap.host)");
    }

    public int imapPort() {
        return imapPort;
    }

    public String smtpProtocol() {
        return smtpProtocol;
    }

    public String smtpHost() {
        return required(smtpHost, "the SMTP host (mailbox.smtp.host)");
    }

    public int smtpPort() {
        return smtpPort;
    }

    public String username() {
        return required(username, "the mailbox user name (mailbox.username)");
    }

    public String password() {
        return required(password, "the mailbox password (mailbox.password)");
    }

    public String folder() {
        return folder;
    }

    public Duration pollDelay() {
        return pollDelay;
    }

    public String replyFrom() {
        return replyFrom != null ? replyFrom : username();
    }

    public Path answersFolder() {
        return answersFolder;
    }

    public String model() {
        return model;
    }

    public String prompt() {
        return prompt;
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Set " + what);
        }
        return value;
    }
}
