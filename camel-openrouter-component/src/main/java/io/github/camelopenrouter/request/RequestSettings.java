package io.github.camelopenrouter.request;

import java.util.Set;

import io.github.camelopenrouter.OpenRouterConfiguration;
import io.github.camelopenrouter.OpenRouterConstants;
import io.github.camelopenrouter.OpenRouterInputException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.TypeConversionException;

/** The settings of one exchange's request: each header, when present, beats the endpoint option of the same name. */
public record RequestSettings(
        String model,
        String prompt,
        String systemMessage,
        String pdfEngine,
        String imageDetail,
        Double temperature,
        Integer maxTokens,
        String mediaType,
        String fileName,
        String contentType,
        String conversationId,
        long maxFileSize) {

    static final Set<String> PDF_ENGINES = Set.of("mistral-ocr", "cloudflare-ai", "native", "pdf-text");
    static final Set<String> IMAGE_DETAILS = Set.of("auto", "low", "high");

    public static RequestSettings resolve(Exchange exchange, OpenRouterConfiguration config) {
        Message in = exchange.getMessage();
        String pdfEngine = oneOf(text(in, OpenRouterConstants.PDF_ENGINE, config.getPdfEngine()), PDF_ENGINES,
                "pdfEngine option / " + OpenRouterConstants.PDF_ENGINE + " header");
        Double temperature = checkTemperature(
                number(exchange, OpenRouterConstants.TEMPERATURE, Double.class, config.getTemperature()));
        Integer maxTokens = checkMaxTokens(
                number(exchange, OpenRouterConstants.MAX_TOKENS, Integer.class, config.getMaxTokens()));
        return new RequestSettings(
                text(in, OpenRouterConstants.MODEL, config.getModel()),
                text(in, OpenRouterConstants.PROMPT, config.getPrompt()),
                text(in, OpenRouterConstants.SYSTEM_MESSAGE, config.getSystemMessage()),
                pdfEngine,
                config.getImageDetail(),
                temperature,
                maxTokens,
                text(in, OpenRouterConstants.MEDIA_TYPE, null),
                fileName(in),
                contentType(in),
                text(in, OpenRouterConstants.CONVERSATION_ID, null),
                config.getMaxFileSize());
    }

    /**
     * Checks the endpoint's own option values once, when it starts: a misconfigured route should not start and then
     * fail every message. Header values are checked per exchange in {@link #resolve}.
     */
    public static void validateOptions(OpenRouterConfiguration config) {
        oneOf(config.getPdfEngine(), PDF_ENGINES, "pdfEngine option");
        oneOf(config.getImageDetail(), IMAGE_DETAILS, "imageDetail option");
        checkTemperature(config.getTemperature());
        checkMaxTokens(config.getMaxTokens());
    }

    private static Double checkTemperature(Double temperature) {
        if (temperature != null && (temperature.isNaN() || temperature < 0 || temperature > 2)) {
            throw new OpenRouterInputException("Temperature " + temperature + " is out of range: use a number from 0 to 2");
        }
        return temperature;
    }

    private static Integer checkMaxTokens(Integer maxTokens) {
        if (maxTokens != null && maxTokens < 1) {
            throw new OpenRouterInputException("maxTokens " + maxTokens + " is not positive: use a whole number of 1 or more");
        }
        return maxTokens;
    }

    private static String text(Message in, String header, String fallback) {
        String value = in.getHeader(header, String.class);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static <T extends Number> T number(Exchange exchange, String header, Class<T> type, T fallback) {
        Object raw = exchange.getMessage().getHeader(header);
        if (raw == null || raw instanceof String s && s.isBlank()) {
            return fallback;
        }
        try {
            T value = exchange.getContext().getTypeConverter().mandatoryConvertTo(type, exchange, raw);
            if (value != null) {
                return value;
            }
        } catch (TypeConversionException | org.apache.camel.NoTypeConversionAvailableException e) {
            // reported below with the header's name
        }
        throw new OpenRouterInputException("Header " + header + " has the value '" + raw + "', which is not "
                                           + (type == Integer.class ? "a whole number" : "a number"));
    }

    private static String oneOf(String value, Set<String> allowed, String what) {
        if (value != null && !allowed.contains(value)) {
            throw new OpenRouterInputException("'" + value + "' is not a valid " + what + ": use one of "
                                               + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }

    private static String fileName(Message in) {
        String name = text(in, OpenRouterConstants.FILE_NAME, text(in, Exchange.FILE_NAME_ONLY, in.getHeader(Exchange.FILE_NAME, String.class)));
        if (name == null) {
            return null;
        }
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return slash < 0 ? name : name.substring(slash + 1);
    }

    private static String contentType(Message in) {
        return text(in, Exchange.CONTENT_TYPE, in.getHeader(Exchange.FILE_CONTENT_TYPE, String.class));
    }
}
