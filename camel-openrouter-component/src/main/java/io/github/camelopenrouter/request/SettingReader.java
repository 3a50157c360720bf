package io.github.camelopenrouter.request;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.github.camelopenrouter.OpenRouterConfiguration;
import io.github.camelopenrouter.OpenRouterInputException;
import org.apache.camel.Exchange;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.TypeConversionException;

/**
 * Reads one setting: the exchange's header when present, else the endpoint option. Without an exchange (the endpoint
 * starting) only the options are read, so the same checks cover options at start and headers per exchange.
 */
final class SettingReader {

    private final Exchange exchange;
    private final OpenRouterConfiguration options;

    SettingReader(Exchange exchange, OpenRouterConfiguration options) {
        this.exchange = exchange;
        this.options = options;
    }

    OpenRouterConfiguration options() {
        return options;
    }

    Exchange exchange() {
        return exchange;
    }

    /** The header's value, or null when there is no exchange, no such header, or a blank string. */
    Object header(String header) {
        if (exchange == null) {
            return null;
        }
        Object value = exchange.getMessage().getHeader(header);
        return value instanceof String s && s.isBlank() ? null : value;
    }

    /** How to name the setting in an error: "x option" at start, "x option / H header" for an exchange. */
    String what(String option, String header) {
        return exchange == null || header == null ? option + " option" : option + " option / " + header + " header";
    }

    String text(String header, String option) {
        Object value = header(header);
        if (value == null) {
            return option == null || option.isBlank() ? null : option.trim();
        }
        String text = exchange.getContext().getTypeConverter().convertTo(String.class, exchange, value);
        return text == null || text.isBlank() ? option : text.trim();
    }

    <T> T number(String header, Class<T> type, T option) {
        Object raw = header(header);
        if (raw == null) {
            return option;
        }
        try {
            T value = exchange.getContext().getTypeConverter().mandatoryConvertTo(type, exchange, raw);
            if (value != null) {
                return value;
            }
        } catch (TypeConversionException | NoTypeConversionAvailableException e) {
            // reported below with the header's name
        }
        throw new OpenRouterInputException("Header " + header + " has the value '" + raw + "', which is not "
                                           + (type == Integer.class || type == Long.class ? "a whole number" : "a number"));
    }

    Boolean bool(String header, Boolean option) {
        Object raw = header(header);
        if (raw == null) {
            return option;
        }
        if (raw instanceof Boolean b) {
            return b;
        }
        String text = raw.toString().trim();
        if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
            return Boolean.valueOf(text);
        }
        throw new OpenRouterInputException("Header " + header + " has the value '" + raw + "', which is not true or false");
    }

    /** A header holding a String (comma-separated) or a collection, else the option (comma-separated). */
    List<String> list(String header, String option) {
        Object raw = header(header);
        if (raw instanceof Collection<?> items) {
            List<String> values = new ArrayList<>();
            for (Object item : items) {
                if (item != null && !item.toString().isBlank()) {
                    values.add(item.toString().trim());
                }
            }
            return values.isEmpty() ? null : List.copyOf(values);
        }
        return split(raw != null ? raw.toString() : option);
    }

    static List<String> split(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (String value : commaSeparated.split(",")) {
            if (!value.isBlank()) {
                values.add(value.trim());
            }
        }
        return values.isEmpty() ? null : List.copyOf(values);
    }

    static String oneOf(String value, Set<String> allowed, String what) {
        if (value != null && !allowed.contains(value)) {
            throw new OpenRouterInputException("'" + value + "' is not a valid " + what + ": use one of "
                                               + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }

    static Double range(Double value, double min, double max, String what) {
        if (value != null && (value.isNaN() || value < min || value > max)) {
            throw new OpenRouterInputException(what + " " + value + " is out of range: use a number from "
                                               + format(min) + " to " + format(max));
        }
        return value;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
