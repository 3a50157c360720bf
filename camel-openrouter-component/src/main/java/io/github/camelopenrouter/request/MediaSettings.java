package io.github.camelopenrouter.request;

import java.nio.charset.Charset;
import java.util.Set;

import io.github.camelopenrouter.OpenRouterConstants;
import org.apache.camel.Exchange;
import org.apache.camel.support.ExchangeHelper;

/**
 * How the body's files are described and sent: PDF engine, image detail, the declared type, name and charset of a
 * single body, and the size limit.
 *
 * @param charset Camel's charset of the exchange ({@code CamelCharsetName}, set by {@code file:}/{@code ftp:}
 *                {@code charset=}), or null: text files without a charset in their Content-Type are read with it
 */
public record MediaSettings(
        String pdfEngine,
        String imageDetail,
        String mediaType,
        String fileName,
        String contentType,
        Charset charset,
        long maxFileSize) {

    static final Set<String> PDF_ENGINES = Set.of("mistral-ocr", "cloudflare-ai", "native", "pdf-text");
    static final Set<String> IMAGE_DETAILS = Set.of("auto", "low", "high");

    static MediaSettings read(SettingReader in) {
        String pdfEngine = SettingReader.oneOf(in.text(OpenRouterConstants.PDF_ENGINE, in.options().getPdfEngine()),
                PDF_ENGINES, in.what("pdfEngine", OpenRouterConstants.PDF_ENGINE));
        String imageDetail = SettingReader.oneOf(in.options().getImageDetail(), IMAGE_DETAILS, in.what("imageDetail", null));
        Exchange exchange = in.exchange();
        if (exchange == null) {
            return new MediaSettings(pdfEngine, imageDetail, null, null, null, null, in.options().getMaxFileSize());
        }
        return new MediaSettings(pdfEngine, imageDetail,
                in.text(OpenRouterConstants.MEDIA_TYPE, null),
                fileName(in),
                in.text(Exchange.CONTENT_TYPE, in.text(Exchange.FILE_CONTENT_TYPE, null)),
                charset(exchange),
                in.options().getMaxFileSize());
    }

    private static String fileName(SettingReader in) {
        String name = in.text(OpenRouterConstants.FILE_NAME, in.text(Exchange.FILE_NAME_ONLY, in.text(Exchange.FILE_NAME, null)));
        if (name == null) {
            return null;
        }
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return slash < 0 ? name : name.substring(slash + 1);
    }

    private static Charset charset(Exchange exchange) {
        String name = ExchangeHelper.getCharsetName(exchange, false);
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new io.github.camelopenrouter.OpenRouterInputException("The exchange's charset '" + name + "' ("
                                                                          + Exchange.CHARSET_NAME + ") is not a charset"
                                                                          + " this JVM knows: use for example UTF-8 or ISO-8859-1");
        }
    }
}
