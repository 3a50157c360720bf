package io.github.camelopenrouter;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What a user reads when a route with a wrong openrouter: endpoint fails to start: the problem said clearly, with the
 * fix, without the same message repeated down a long chain of stack traces.
 */
class StartupErrorTest {

    /** Camel's own start-up frames (route creation, endpoint resolution); the component adds none. */
    static final int FRAMES = 60;

    @Test
    void aMisspeltOptionSuggestsTheClosestOption() throws Exception {
        String printed = startFailure("openrouter:chat?modle=google/gemini-2.5-flash&apiKey=RAW(sk-or-v1-x)");
        assertThat(printed).contains("Unknown option 'modle' on openrouter:chat: did you mean 'model'?");
    }

    @Test
    void twoUnknownOptionsAreNamedInOneMessage() throws Exception {
        String printed = startFailure("openrouter:chat?model=a/b&tempreature=0.2&pdfEngin=native&apiKey=RAW(sk-or-v1-x)");
        assertThat(printed).contains("'tempreature'", "did you mean 'temperature'?", "'pdfEngin'", "did you mean 'pdfEngine'?");
    }

    @Test
    void anOptionFarFromEveryNameListsTheOptions() throws Exception {
        String printed = startFailure("openrouter:chat?model=a/b&colour=blue&apiKey=RAW(sk-or-v1-x)");
        assertThat(printed).contains("Unknown option 'colour' on openrouter:chat", "options are", "model", "pdfEngine");
    }

    @Test
    void theProblemIsPrintedFewTimesAndWithFewFrames() throws Exception {
        String printed = startFailure("openrouter:chat?modle=google/gemini-2.5-flash&apiKey=RAW(sk-or-v1-x)");
        int repeats = printed.split("did you mean", -1).length - 1;
        long frames = printed.lines().filter(l -> l.strip().startsWith("at ")).count();
        System.out.println("repeats=" + repeats + " frames=" + frames);
        // Camel wraps the component's exception twice (route, endpoint), and each wrapper repeats its cause's message
        assertThat(repeats).isLessThanOrEqualTo(3);
        assertThat(frames).isLessThanOrEqualTo(FRAMES);
    }

    @Test
    void aMissingKeyIsSaidWithHowToSetIt() throws Exception {
        String printed = startFailure("openrouter:chat?model=a/b&apiKey=");
        int repeats = printed.split("No OpenRouter API key", -1).length - 1;
        assertThat(printed).contains("No OpenRouter API key for openrouter://chat: set the apiKey option");
        // Camel's route wrapper and the component's own exception, which adds no wrapper and no frames of its own
        assertThat(repeats).isEqualTo(2);
        assertThat(printed).doesNotContain("IllegalStateException", "RuntimeCamelException:");
    }

    private static String startFailure(String uri) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(uri);
            }
        });
        // started on a thread of its own, as Camel Main starts it: the frames printed are Camel's, not JUnit's
        Throwable[] failure = new Throwable[1];
        Thread starter = new Thread(() -> failure[0] = catchThrowable(context::start));
        starter.start();
        starter.join(60_000);
        context.close();
        return printed(failure[0]);
    }

    private static String printed(Throwable failure) {
        assertThat(failure).isNotNull();
        StringWriter printed = new StringWriter();
        failure.printStackTrace(new PrintWriter(printed));
        return printed.toString();
    }
}
