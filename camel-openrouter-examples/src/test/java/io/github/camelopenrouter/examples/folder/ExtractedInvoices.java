package io.github.camelopenrouter.examples.folder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** The shipped invoice schema, what the simulator extracts with it, and an independent check against it. */
public final class ExtractedInvoices {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The simulator's answer for schemas/invoice.schema.json: every property, dates, numbers, one line. */
    public static final String SIMULATED = "{\"invoiceNumber\":\"simulated invoiceNumber\",\"issueDate\":\"2024-03-31\","
                                           + "\"dueDate\":\"2024-03-31\",\"seller\":\"simulated seller\","
                                           + "\"customer\":\"simulated customer\",\"currency\":\"simulated currency\","
                                           + "\"lines\":[{\"description\":\"simulated description\",\"quantity\":99.5,"
                                           + "\"amount\":99.5}],\"total\":99.5}";

    private ExtractedInvoices() {
    }

    /** schemas/invoice.schema.json as the example ships it. */
    public static JsonNode schema() throws IOException {
        try (InputStream in = ExtractedInvoices.class.getResourceAsStream("/schemas/invoice.schema.json")) {
            return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** What the shipped schema finds wrong with a document, checked here and not by the component. */
    public static List<String> problems(String document) throws IOException {
        List<Error> errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(schema()).validate(JSON.readTree(document));
        return errors.stream().map(Error::toString).toList();
    }
}
