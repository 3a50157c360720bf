package io.github.camelopenrouter;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What a route extracts from an invoice: the outputClass of the structured-output tests. */
public record Invoice(
        @JsonPropertyDescription("The invoice number") String number,
        BigDecimal total,
        Currency currency,
        String dueDate,
        List<Line> lines) {

    public enum Currency {
        EUR, USD, GBP
    }

    public record Line(String description, int quantity) {
    }
}
