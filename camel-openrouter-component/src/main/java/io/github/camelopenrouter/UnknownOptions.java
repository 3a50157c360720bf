package io.github.camelopenrouter;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Names the options of an endpoint URI that the endpoint does not have, each with the closest option name when one is
 * a small edit away ({@code modle} gives "did you mean 'model'?"); Camel's own check only says "Unknown parameters".
 * The names come from the generated URI factory, i.e. the catalog.
 */
final class UnknownOptions {

    private UnknownOptions() {
    }

    /** @throws OpenRouterConfigurationException when {@code left} (what setProperties did not take) is not empty */
    static void check(String endpoint, Map<String, Object> left, Set<String> options) {
        if (left.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(left.size() == 1 ? "Unknown option " : "Unknown options ");
        boolean anyFar = false;
        int i = 0;
        for (String name : new TreeSet<>(left.keySet())) {
            text.append(i++ == 0 ? "" : "; ").append('\'').append(name).append('\'');
            if (i == 1) {
                text.append(" on ").append(endpoint);
            }
            String closest = closest(name, options);
            if (closest != null) {
                text.append(": did you mean '").append(closest).append("'?");
            } else {
                anyFar = true;
            }
        }
        if (anyFar) {
            text.append(". The options are ").append(String.join(", ", new TreeSet<>(options)));
        }
        throw new OpenRouterConfigurationException(text.toString());
    }

    /** The option at the smallest edit distance, ignoring case, if that distance is small for the name's length. */
    static String closest(String name, Set<String> options) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String option : options) {
            int distance = distance(name.toLowerCase(Locale.ROOT), option.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = option;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.max(1, Math.min(3, name.length() / 3)) ? best : null;
    }

    /** Levenshtein distance, with a swap of two neighbours counted as one edit (modle / model). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
