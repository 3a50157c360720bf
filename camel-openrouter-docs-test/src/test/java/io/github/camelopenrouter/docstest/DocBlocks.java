package io.github.camelopenrouter.docstest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the code blocks of the docs and the marker before each: in Markdown a {@code ```} fence, marked by
 * {@code <!-- docs-test: KIND -->} on the nearest non-blank line above it; in AsciiDoc a {@code ----} listing, marked
 * by {@code // docs-test: KIND} above its {@code [source,...]} line (or above the {@code ----} when it has none).
 * The component doc's generated tables (between the catalog-tables markers) are not the author's and are skipped.
 */
final class DocBlocks {

    static final Pattern MD_MARKER = Pattern.compile("^\\s*<!--\\s*docs-test:\\s*(.+?)\\s*-->\\s*$");
    static final Pattern ADOC_MARKER = Pattern.compile("^//\\s*docs-test:\\s*(.+?)\\s*$");
    private static final Pattern ADOC_SOURCE = Pattern.compile("^\\[source,\\s*([^,\\]]+).*\\]\\s*$");

    private DocBlocks() {
    }

    /** README.md, docs/*.md, docs/*.adoc and the examples' README, as the issue lists them. */
    static List<Path> docs(Path root) throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(root.resolve("README.md"));
        try (Stream<Path> files = Files.list(root.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md") || f.toString().endsWith(".adoc")).sorted().forEach(docs::add);
        }
        docs.add(root.resolve("camel-openrouter-examples/README.md"));
        return docs;
    }

    static List<CodeBlock> read(Path root, Path doc) throws IOException {
        List<String> lines = Files.readAllLines(doc);
        Path name = root.relativize(doc);
        return doc.toString().endsWith(".adoc") ? adoc(name, lines) : markdown(name, lines);
    }

    static List<CodeBlock> markdown(Path name, List<String> lines) {
        List<CodeBlock> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("```")) {
                continue;
            }
            String language = line.substring(3).trim();
            int start = i;
            StringBuilder text = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                text.append(lines.get(i)).append('\n');
            }
            blocks.add(new CodeBlock(name, start + 1, language, marker(lines, start, MD_MARKER), text.toString()));
        }
        return blocks;
    }

    static List<CodeBlock> adoc(Path name, List<String> lines) {
        List<CodeBlock> blocks = new ArrayList<>();
        boolean generated = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("// catalog-tables: START")) {
                generated = true;
            } else if (line.startsWith("// catalog-tables: END")) {
                generated = false;
            }
            if (!line.equals("----")) {
                continue;
            }
            int start = i;
            String language = "";
            int markerAbove = start;
            if (start > 0) {
                Matcher source = ADOC_SOURCE.matcher(lines.get(start - 1));
                if (source.matches()) {
                    language = source.group(1).trim();
                    markerAbove = start - 1;
                }
            }
            StringBuilder text = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).equals("----"); i++) {
                text.append(lines.get(i)).append('\n');
            }
            if (!generated) {
                blocks.add(new CodeBlock(name, start + 1, language, marker(lines, markerAbove, ADOC_MARKER),
                        text.toString()));
            }
        }
        return blocks;
    }

    private static String marker(List<String> lines, int above, Pattern pattern) {
        for (int i = above - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            Matcher marker = pattern.matcher(line);
            return marker.matches() ? marker.group(1) : null;
        }
        return null;
    }
}
