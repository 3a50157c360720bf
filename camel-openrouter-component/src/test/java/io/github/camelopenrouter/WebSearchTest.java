package io.github.camelopenrouter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The web search plugin: the request, and the cited pages as the CamelOpenRouterCitations header. */
class WebSearchTest extends NativeFeaturesTestSupport {

    @Test
    void webSearchWithEngineAndMaxResultsAndTheCitationsComeBack() {
        Exchange exchange = sendOk("openrouter:chat?webSearch=true&webEngine=exa&webMaxResults=2&pdfEngine=cloudflare-ai",
                "Camel 4.18 news");

        assertSent("""
                {"messages":[%s],
                 "plugins":[{"id":"file-parser","pdf":{"engine":"cloudflare-ai"}},{"id":"web","engine":"exa","max_results":2}]}"""
                .formatted(userText("Camel 4.18 news")));
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.CITATIONS)).isEqualTo(List.of(
                citation(1, "exa", "Camel 4.18 news"), citation(2, "exa", "Camel 4.18 news")));
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.ANNOTATIONS).toString()).contains("url_citation");
    }

    @Test
    void theHeaderTurnsItOnAndOff() {
        Exchange on = sendOk("openrouter:chat", "Hi", Map.of(OpenRouterConstants.WEB_SEARCH, "true"));
        assertSent("""
                {"messages":[%s],"plugins":[{"id":"web"}]}""".formatted(userText("Hi")));
        assertThat(on.getMessage().getHeader(OpenRouterConstants.CITATIONS, List.class)).hasSize(5);

        Exchange off = sendOk("openrouter:chat?webSearch=true", "Hi", Map.of(OpenRouterConstants.WEB_SEARCH, false));
        assertSent("""
                {"messages":[%s]}""".formatted(userText("Hi")));
        assertThat(off.getMessage().getHeaders()).doesNotContainKey(OpenRouterConstants.CITATIONS);
    }

    @Test
    void badWebValuesAreRefused() {
        assertOptionRefused("openrouter:chat?webSearch=true&webEngine=google",
                "'google' is not a valid webEngine option: use one of exa, firecrawl, native, parallel, perplexity");
        assertOptionRefused("openrouter:chat?webSearch=true&webMaxResults=0", "webMaxResults 0 is not positive");
        assertHeaderRefused("openrouter:chat", OpenRouterConstants.WEB_SEARCH, "yes",
                "Header CamelOpenRouterWebSearch has the value 'yes', which is not true or false");
    }

    private static Map<String, String> citation(int i, String engine, String query) {
        Map<String, String> citation = new LinkedHashMap<>();
        citation.put("url", "https://search.simulator.invalid/result/" + i);
        citation.put("title", "Result " + i + " (" + engine + ")");
        citation.put("content", "What the web says about: " + query);
        return citation;
    }
}
