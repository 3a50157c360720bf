package io.github.camelopenrouter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.camelopenrouter.simulator.ApiRequest;
import io.github.camelopenrouter.simulator.Fault;
import io.github.camelopenrouter.simulator.TestPdfs;
import io.github.camelopenrouter.wire.FileDeleted;
import io.github.camelopenrouter.wire.OpenRouterFile;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** openrouter:files against the simulator's Files API: the exact requests and what the route gets back. */
class FilesOperationTest extends OpenRouterTestSupport {

    static final byte[] PDF = TestPdfs.withText("Contract 7", "Signed");

    @TempDir
    Path dir;

    @Test
    void uploadStreamsTheBodyAsMultipartAndSetsTheFileId() throws Exception {
        Path file = Files.write(dir.resolve("contract.pdf"), PDF);
        Exchange exchange = sendOk("openrouter:files", file.toFile());

        OpenRouterFile uploaded = exchange.getMessage().getBody(OpenRouterFile.class);
        assertThat(uploaded.id()).isEqualTo("or_file_sim1");
        assertThat(uploaded.filename()).isEqualTo("contract.pdf");
        assertThat(uploaded.mimeType()).isEqualTo("application/pdf");
        assertThat(uploaded.sizeBytes()).isEqualTo(PDF.length);
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.FILE_ID)).isEqualTo("or_file_sim1");
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(1);

        ApiRequest request = simulator.apiRequests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v1/files");
        assertThat(request.query()).isNull();
        assertThat(request.header("Content-Type")).startsWith("multipart/form-data; boundary=camel-openrouter-");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(request.parts()).containsExactly(new ApiRequest.UploadedPart("file", "contract.pdf", "application/pdf",
                PDF.length, sha256(PDF)));
        // the exact length was announced: a streamed body of known size, not chunked
        assertThat(request.header("Content-Length")).isEqualTo(String.valueOf(request.bodyBytes()));
        assertThat(simulator.requestCount()).as("chat requests").isZero();
    }

    @Test
    void uploadOfBytesNamesTheFileFromTheHeaderOrItsType() {
        Exchange named = sendOk("openrouter:files", PDF, Map.of(Exchange.FILE_NAME, "in/scan-1.pdf"));
        assertThat(named.getMessage().getBody(OpenRouterFile.class).filename()).isEqualTo("scan-1.pdf");
        Exchange unnamed = sendOk("openrouter:files?filesAction=upload", PDF);
        assertThat(unnamed.getMessage().getBody(OpenRouterFile.class).filename()).isEqualTo("upload.pdf");
        assertThat(simulator.apiRequests().get(1).parts().get(0).contentType()).isEqualTo("application/pdf");
    }

    @Test
    void listGetDeleteAndDownload() {
        sendOk("openrouter:files", PDF, Map.of(Exchange.FILE_NAME, "a.pdf"));
        String serverSide = simulator.addServerFile("report.pdf", PDF);

        List<?> files = sendOk("openrouter:files?filesAction=list", null).getMessage().getBody(List.class);
        assertThat(files).extracting(f -> ((OpenRouterFile) f).id()).containsExactly("or_file_sim1", serverSide);

        Exchange got = sendOk("openrouter:files?filesAction=get", null, Map.of(OpenRouterConstants.FILE_ID, "or_file_sim1"));
        assertThat(got.getMessage().getBody(OpenRouterFile.class).filename()).isEqualTo("a.pdf");

        Exchange downloaded = sendOk("openrouter:files?filesAction=download", serverSide);
        assertThat(downloaded.getMessage().getBody(byte[].class)).isEqualTo(PDF);
        assertThat(downloaded.getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo("report.pdf");
        assertThat(downloaded.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("application/octet-stream");

        Exchange deleted = sendOk("openrouter:files?filesAction=delete", null, Map.of(OpenRouterConstants.FILE_ID, "or_file_sim1"));
        assertThat(deleted.getMessage().getBody(FileDeleted.class)).isEqualTo(new FileDeleted("or_file_sim1", "file_deleted"));
        assertThat(simulator.fileIds()).containsExactly(serverSide);

        List<ApiRequest> requests = simulator.apiRequests();
        assertThat(requests).extracting(r -> r.method() + " " + r.path()).containsExactly("POST /api/v1/files",
                "GET /api/v1/files", "GET /api/v1/files/or_file_sim1", "GET /api/v1/files/" + serverSide + "/content",
                "DELETE /api/v1/files/or_file_sim1");
        assertThat(requests.get(3).header("Accept")).isEqualTo("application/octet-stream");
    }

    @Test
    void errorRepliesBecomeOpenRouterApiExceptions() {
        Exchange missing = send("openrouter:files?filesAction=get", null, Map.of(OpenRouterConstants.FILE_ID, "or_file_x"));
        assertApiError(missing, 404, "File or_file_x not found", "not_found");
        assertThat(missing.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(1);

        sendOk("openrouter:files", PDF);
        Exchange uploadedOnly = send("openrouter:files?filesAction=download", "or_file_sim1");
        assertApiError(uploadedOnly, 400, "only files created server-side are downloadable", "invalid_request");
        assertApiError(send("openrouter:files?filesAction=delete", "or_file_gone"), 404, "File or_file_gone not found",
                "not_found");

        simulator.setMaxFileBytes(100);
        Exchange tooLarge = send("openrouter:files", PDF);
        assertApiError(tooLarge, 413, "File too large", "payload_too_large");
        assertThat(tooLarge.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).as("413 is not retried").isEqualTo(1);

        Exchange badKey = send("openrouter:files?filesAction=list&apiKey=sk-or-invalid", null);
        assertApiError(badKey, 401, "User not found.", "unauthorized");
    }

    @Test
    void aServerErrorIsRetriedLikeChatAndTheUploadIsSentAgainWhole() {
        simulator.enqueueApi(Fault.error(503, "No provider available"), Fault.dropConnection());
        Exchange exchange = sendOk("openrouter:files?retryInitialDelay=10", PDF, Map.of(Exchange.FILE_NAME, "retry.pdf"));
        assertThat(exchange.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(3);
        assertThat(simulator.apiRequests()).hasSize(3);
        assertThat(simulator.apiRequests().get(2).parts().get(0).sha256()).isEqualTo(sha256(PDF));
        assertThat(simulator.fileIds()).containsExactly("or_file_sim1");
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSent() {
        Exchange text = send("openrouter:files", "not a file");
        assertThat(text.getException()).isInstanceOf(OpenRouterInputException.class)
                .hasMessageContaining("files upload sends a file: the body must be binary");
        Exchange zip = send("openrouter:files", new byte[] { 'P', 'K', 3, 4, 20, 0, 0, 0 }, Map.of(Exchange.FILE_NAME, "a.zip"));
        assertThat(zip.getException()).isInstanceOf(OpenRouterInputException.class).hasMessageContaining("a.zip");
        Exchange noId = send("openrouter:files?filesAction=get", null);
        assertThat(noId.getException()).isInstanceOf(OpenRouterInputException.class)
                .hasMessage("files get needs the id of a file: set the CamelOpenRouterFileId header (files upload sets it),"
                            + " or send the id (or the file record) as the body");
        assertThat(noId.getMessage().getHeader(OpenRouterConstants.ATTEMPTS)).isEqualTo(0);
        assertThat(simulator.apiRequests()).isEmpty();
    }

    @Test
    void anUnknownFilesActionStopsTheEndpointFromStarting() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> template.sendBody("openrouter:files?filesAction=rename", PDF)))
                .hasStackTraceContaining("filesAction must be one of upload, list, get, delete, download, got 'rename'");
    }

    static void assertApiError(Exchange exchange, int status, String message, String errorType) {
        assertThat(exchange.getException()).isInstanceOf(OpenRouterApiException.class);
        OpenRouterApiException error = (OpenRouterApiException) exchange.getException();
        assertThat(error.getStatusCode()).isEqualTo(status);
        assertThat(error.getMessage()).contains(message);
        assertThat(exchange.getProperty(OpenRouterConstants.ERROR_TYPE)).isEqualTo(errorType);
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
