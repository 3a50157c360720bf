package io.github.camelopenrouter.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * {@code GET /generation?id=}, {@code GET /credits} and {@code GET /key}, in the shapes of the SDK's
 * {@code GenerationResponse}, {@code GetCreditsResponse} and {@code GetCurrentKeyResponse}.
 */
final class AccountEndpoints {

    private final SimulatorState state;

    AccountEndpoints(SimulatorState state) {
        this.state = state;
    }

    Reply generation(String rawQuery) {
        String id = ApiRequest.queryParameter(rawQuery, "id");
        if (id == null || id.isBlank()) {
            return FilesEndpoint.error(400, "id: is required (the generation id, gen-...)");
        }
        ObjectNode data = state.generationLog.readable(id);
        if (data == null) {
            return FilesEndpoint.error(404, "Generation " + id + " not found");
        }
        ObjectNode root = Json.object();
        root.set("data", data);
        return FilesEndpoint.json(root);
    }

    Reply credits(String authorization) {
        if (authorization.substring(7).trim().equals(ApiKeys.NOT_A_MANAGEMENT_KEY)) {
            return Reply.json(403, ErrorBodies.plain(403, "Only management keys can read the credits"), java.util.Map.of());
        }
        ObjectNode root = Json.object();
        ObjectNode data = root.putObject("data");
        data.put("total_credits", state.account.totalCredits());
        data.put("total_usage", state.account.usage());
        return FilesEndpoint.json(root);
    }

    Reply key(String authorization) {
        String key = authorization.substring(7).trim();
        BigDecimal usage = state.account.usage();
        BigDecimal limit = state.account.keyLimit();
        ObjectNode root = Json.object();
        ObjectNode data = root.putObject("data");
        data.put("label", key.length() > 15 ? key.substring(0, 12) + "..." + key.substring(key.length() - 3) : "sk-or-...");
        data.put("limit", limit);
        data.put("limit_remaining", limit == null ? null : limit.subtract(usage));
        data.putNull("limit_reset");
        data.put("include_byok_in_limit", false);
        data.put("usage", usage);
        data.put("usage_daily", usage);
        data.put("usage_weekly", usage);
        data.put("usage_monthly", usage);
        data.put("byok_usage", 0);
        data.put("byok_usage_daily", 0);
        data.put("byok_usage_weekly", 0);
        data.put("byok_usage_monthly", 0);
        data.put("is_free_tier", false);
        data.put("is_management_key", false);
        data.put("is_provisioning_key", false);
        data.putNull("creator_user_id");
        data.putNull("organization_id");
        data.putNull("workspace_id");
        data.putArray("allowed_data_regions").add("global");
        ObjectNode free = data.putObject("free_model_daily_requests");
        free.put("limit", 1000);
        free.put("remaining", 1000);
        free.put("used", 0);
        ObjectNode rate = data.putObject("rate_limit");
        rate.put("interval", "10s");
        rate.put("requests", 1000);
        rate.put("note", "simulated: not enforced");
        return FilesEndpoint.json(root);
    }
}
