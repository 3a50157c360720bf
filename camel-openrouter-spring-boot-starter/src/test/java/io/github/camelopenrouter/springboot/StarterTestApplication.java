package io.github.camelopenrouter.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** An application as a user writes one: a route, and the openrouter component configured only by properties. */
@SpringBootApplication
public class StarterTestApplication {

    @Bean
    RouteBuilder askRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ask").to("openrouter:chat?model=google/gemini-2.5-flash");
            }
        };
    }
}
