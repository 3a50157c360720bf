package io.github.camelopenrouter.examples.springboot;

import java.nio.file.Path;

import io.github.camelopenrouter.examples.folder.FolderToOpenRouterRoute;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The folder example in Spring Boot: the same {@link FolderToOpenRouterRoute}, its folders and model read from
 * {@code application.properties}, the component configured there too ({@code camel.component.openrouter.*}).
 */
@SpringBootApplication
public class FolderApplication {

    public static void main(String[] args) {
        SpringApplication.run(FolderApplication.class, args);
    }

    /** Camel's Spring Boot support starts every RouteBuilder bean. */
    @Bean
    RouteBuilder folderToOpenRouter(@Value("${folder.inbox}") Path inbox, @Value("${folder.outbox}") Path outbox,
            @Value("${folder.model:" + FolderToOpenRouterRoute.DEFAULT_MODEL + "}") String model,
            @Value("${folder.pdf-engine:" + FolderToOpenRouterRoute.DEFAULT_PDF_ENGINE + "}") String pdfEngine) {
        return new FolderToOpenRouterRoute(inbox, outbox, model, pdfEngine);
    }
}
