package io.github.camelopenrouter.simulator;

/** Reason phrases for the HTML error pages a proxy shows. */
final class HtmlPages {

    private HtmlPages() {
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 413 -> "Request Entity Too Large";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Temporarily Unavailable";
            case 504 -> "Gateway Time-out";
            case 520 -> "Web Server Returned an Unknown Error";
            case 524 -> "A Timeout Occurred";
            default -> "Error";
        };
    }
}
