package io.github.camelopenrouter.examples.ftp;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Where the FTP drop is, which folders to use, and what to ask the model. {@link #fromProperties(Properties)} reads
 * the same settings from {@code ftp.*} and {@code openrouter.*} properties.
 */
public final class FtpSettings {

    private String host;
    private int port = 21;
    private String username;
    private String password;
    private String inbox = "inbox";
    private String answers = "answers";
    private Duration pollDelay = Duration.ofSeconds(30);
    private Duration uploadSettleTime = Duration.ofSeconds(1);
    private String model = "google/gemini-2.5-flash";
    private String prompt = "Transcribe this scanned document, then summarise it in three bullet points.";
    private String pdfEngine = "mistral-ocr";
    private List<String> followUps = List.of("Which dates, amounts and names does it mention?",
            "What has to be done about it, and by when?");

    /**
     * Reads {@code ftp.host}, {@code ftp.port}, {@code ftp.username}, {@code ftp.password}, {@code ftp.inbox},
     * {@code ftp.answers}, {@code ftp.poll-delay} and {@code ftp.upload-settle-time} (ISO-8601 durations such as
     * PT30S), {@code openrouter.model}, {@code openrouter.prompt}, {@code openrouter.pdf-engine} and
     * {@code openrouter.follow-ups} (questions separated by {@code |}; empty for none). Unset keys keep the defaults.
     */
    public static FtpSettings fromProperties(Properties properties) {
        FtpSettings settings = new FtpSettings();
        settings.server(properties.getProperty("ftp.host"),
                Integer.parseInt(properties.getProperty("ftp.port", String.valueOf(settings.port))));
        settings.login(properties.getProperty("ftp.username"), properties.getProperty("ftp.password"));
        settings.folders(properties.getProperty("ftp.inbox", settings.inbox),
                properties.getProperty("ftp.answers", settings.answers));
        settings.pollDelay(Duration.parse(properties.getProperty("ftp.poll-delay", settings.pollDelay.toString())));
        settings.uploadSettleTime(Duration.parse(
                properties.getProperty("ftp.upload-settle-time", settings.uploadSettleTime.toString())));
        settings.model(properties.getProperty("openrouter.model", settings.model));
        settings.prompt(properties.getProperty("openrouter.prompt", settings.prompt));
        settings.pdfEngine(properties.getProperty("openrouter.pdf-engine", settings.pdfEngine));
        String followUps = properties.getProperty("openrouter.follow-ups");
        if (followUps != null) {
            settings.followUps(Arrays.stream(followUps.split("\\|")).map(String::strip).filter(q -> !q.isEmpty()).toList());
        }
        return settings;
    }

    public FtpSettings server(String host, int port) {
        this.host = host;
        this.port = port;
        return this;
    }

    public FtpSettings login(String username, String password) {
        this.username = username;
        this.password = password;
        return this;
    }

    /** The folder scans are dropped into and the folder answers are written to, both relative to the login's home. */
    public FtpSettings folders(String inbox, String answers) {
        this.inbox = inbox;
        this.answers = answers;
        return this;
    }

    /** Time between two listings of the inbox; a file whose answer failed is tried again on the next one. */
    public FtpSettings pollDelay(Duration pollDelay) {
        this.pollDelay = pollDelay;
        return this;
    }

    /** How long a file's size must stay unchanged before it is taken, so a scan still uploading is left alone. */
    public FtpSettings uploadSettleTime(Duration uploadSettleTime) {
        this.uploadSettleTime = uploadSettleTime;
        return this;
    }

    public FtpSettings model(String model) {
        this.model = model;
        return this;
    }

    public FtpSettings prompt(String prompt) {
        this.prompt = prompt;
        return this;
    }

    /** mistral-ocr reads scanned (image-only) PDFs; pdf-text is cheaper for PDFs with a text layer. */
    public FtpSettings pdfEngine(String pdfEngine) {
        this.pdfEngine = pdfEngine;
        return this;
    }

    /**
     * Questions asked about each PDF after the first prompt, in the same conversation; their answers follow the first
     * one in the answer file, each under its question. Empty for none.
     */
    public FtpSettings followUps(List<String> followUps) {
        this.followUps = List.copyOf(followUps);
        return this;
    }

    public String host() {
        return required(host, "the FTP host (ftp.host)");
    }

    public int port() {
        return port;
    }

    public String username() {
        return required(username, "the FTP user name (ftp.username)");
    }

    public String password() {
        return required(password, "the FTP password (ftp.password)");
    }

    public String inbox() {
        return inbox;
    }

    public String answers() {
        return answers;
    }

    public Duration pollDelay() {
        return pollDelay;
    }

    public Duration uploadSettleTime() {
        return uploadSettleTime;
    }

    public String model() {
        return model;
    }

    public String prompt() {
        return prompt;
    }

    public String pdfEngine() {
        return pdfEngine;
    }

    public List<String> followUps() {
        return followUps;
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Set " + what);
        }
        return value;
    }
}
