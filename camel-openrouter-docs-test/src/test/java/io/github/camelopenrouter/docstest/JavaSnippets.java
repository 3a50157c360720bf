package io.github.camelopenrouter.docstest;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import com.sun.source.util.JavacTask;

/**
 * Java blocks as javac sees them. A block is a whole class (with or without its imports), a route fragment
 * ({@code from(...)...;}, put in a {@code RouteBuilder.configure()}) or statements (put in a method that has a
 * {@code CamelContext context}); the usual imports (Camel, the component, the examples, java.nio.file, java.util) are
 * added, as an IDE would.
 */
final class JavaSnippets {

    static final String IMPORTS = String.join("\n",
            "import java.nio.file.*;", "import java.util.*;", "import java.time.*;",
            "import org.apache.camel.*;", "import org.apache.camel.support.jsse.*;", "import org.apache.camel.builder.*;", "import org.apache.camel.main.*;",
            "import io.github.camelopenrouter.*;", "import io.github.camelopenrouter.examples.folder.*;",
            "import io.github.camelopenrouter.examples.mailbox.*;", "import io.github.camelopenrouter.examples.ftp.*;",
            "import io.github.camelopenrouter.examples.kafka.*;", "");

    /** Fragments that are the body of a RouteBuilder's configure(). */
    private static final Pattern ROUTE_DSL = Pattern.compile("(from|onException|errorHandler|routeConfiguration|interceptFrom|rest)\\(");

    private static final Pattern CLASS = Pattern.compile("(?m)^(?:public\\s+)?(?:final\\s+)?class\\s+(\\w+)");

    record Source(String className, String text) {
    }

    private JavaSnippets() {
    }

    static Source source(String block) {
        Matcher named = CLASS.matcher(block);
        String body = block.lines().filter(l -> !l.startsWith("import ")).reduce("", (a, b) -> a + b + "\n");
        String imports = IMPORTS + block.lines().filter(l -> l.startsWith("import ")).reduce("", (a, b) -> a + b + "\n");
        if (named.find()) {
            String name = named.group(1);
            String publicClass = body.replaceFirst("(?m)^(public\\s+)?((?:final\\s+)?class\\s+" + name + ")", "public $2");
            return new Source(name, imports + publicClass);
        }
        if (ROUTE_DSL.matcher(block.strip()).lookingAt()) {
            return new Source("DocSnippet", imports + "public class DocSnippet extends RouteBuilder {\n"
                                            + "    @Override\n    public void configure() throws Exception {\n" + body
                                            + "    }\n}\n");
        }
        return new Source("DocSnippet", imports + "public class DocSnippet {\n"
                                        + "    static void snippet(CamelContext context) throws Exception {\n" + body
                                        + "    }\n}\n");
    }

    /** Parses only (no types resolved): the check for a block marked syntax-only. */
    static void parse(Source source) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        JavacTask task = (JavacTask) javac.getTask(errors, null, null, List.of("-proc:none"), null,
                List.of(file(source)));
        task.parse();
        if (!errors.toString().isBlank()) {
            throw new AssertionError("does not parse as Java:\n" + errors + "\nas compiled:\n" + source.text());
        }
    }

    /** Compiles against the project's artifacts and loads the class. */
    static Class<?> compile(Source source, Path out) throws Exception {
        Files.createDirectories(out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        boolean ok = javac.getTask(errors, null, null,
                List.of("-proc:none", "-classpath", classpath, "-d", out.toString()), null, List.of(file(source))).call();
        if (!ok) {
            throw new AssertionError("does not compile:\n" + errors + "\nas compiled:\n" + source.text());
        }
        URLClassLoader loader = new URLClassLoader(new URL[] { out.toUri().toURL() }, JavaSnippets.class.getClassLoader());
        return loader.loadClass(source.className());
    }

    private static JavaFileObject file(Source source) {
        return new SimpleJavaFileObject(URI.create("string:///" + source.className() + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source.text();
            }
        };
    }
}
