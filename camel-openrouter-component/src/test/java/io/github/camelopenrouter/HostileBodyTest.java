package io.github.camelopenrouter;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies built to break the mapping: a list that holds itself, a list nested 50,000 deep, a collection whose iteration
 * throws an Error. Each exchange completes - through a seda route, whose consumer thread must survive to take the next
 * exchange - and nothing is sent.
 */
class HostileBodyTest extends OpenRouterTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:ask?concurrentConsumers=1").to("openrouter:chat");
            }
        };
    }

    /** InOut through seda: the caller waits for the exchange to complete (at most 20 s, then it fails). */
    private Exchange ask(Object body) {
        return template.send("seda:ask?timeout=20000", e -> {
            e.setPattern(org.apache.camel.ExchangePattern.InOut);
            e.getMessage().setBody(body);
        });
    }

    @Test
    void aListThatHoldsItselfIsRefused() {
        List<Object> self = new ArrayList<>();
        self.add("hello");
        self.add(self);

        Exchange exchange = ask(self);

        assertRefusedBeforeSending(exchange, "The message body contains itself: a java.util.ArrayList holds itself");
        assertThat(exchange.getProperty(OpenRouterConstants.ERROR_TYPE)).isEqualTo("invalid_input");
    }

    /** The issue's own case: YAML's anchor and alias make a list that holds itself, as a YAML-loading route gets it. */
    @Test
    void aYamlListThatAliasesItselfIsRefused() {
        Object body = new org.snakeyaml.engine.v2.api.Load(org.snakeyaml.engine.v2.api.LoadSettings.builder().build())
                .loadFromString("&a [\"hello\", *a]");
        assertThat(body).asList().element(1).isSameAs(body);

        Exchange exchange = ask(body);

        assertRefusedBeforeSending(exchange, "The message body contains itself: a java.util.ArrayList holds itself");
    }

    @Test
    void aListNested50000DeepIsRefused() {
        Object body = "deep";
        for (int i = 0; i < 50_000; i++) {
            body = List.of(body);
        }

        Exchange exchange = ask(body);

        assertRefusedBeforeSending(exchange, "The message body nests collections more than 32 levels deep");
    }

    @Test
    void theSameListTwiceSideBySideIsNotItself() {
        List<Object> inner = List.of("hello");

        sendOk("openrouter:chat", List.of(inner, inner));

        assertThat(sentUserContent().toString()).contains("hello");
    }

    @Test
    void anErrorWhileMappingCompletesTheExchangeAndTheConsumerLivesOn() {
        List<Object> broken = new AbstractList<>() {
            @Override
            public Object get(int index) {
                throw new ServiceConfigurationError("a lazy list's provider failed to load");
            }

            @Override
            public int size() {
                return 1;
            }
        };

        Exchange failed = ask(broken);
        Exchange next = ask("Still there?");

        // Camel wraps an Error set on the exchange in a CamelExecutionException
        assertThat(failed.getException()).rootCause().isInstanceOf(ServiceConfigurationError.class)
                .hasMessage("a lazy list's provider failed to load");
        assertThat(failed.getProperty(OpenRouterConstants.ERROR_TYPE)).isEqualTo("internal_error");
        assertThat(next.getException()).isNull();
        assertThat(next.getMessage().getBody(String.class)).isNotBlank();
        assertThat(simulator.requestCount()).as("only the second exchange was sent").isEqualTo(1);
    }
}
