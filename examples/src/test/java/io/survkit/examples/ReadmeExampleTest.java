package io.survkit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles and runs the Java example that opens README.md, exactly as written there. */
class ReadmeExampleTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    static String firstJavaBlock() throws Exception {
        String md = Files.readString(REPO.resolve("README.md"));
        int start = md.indexOf("```java\n");
        int end = md.indexOf("```", start + 8);
        return md.substring(start + 8, end);
    }

    @Test
    void readmeExampleCompilesAndRuns(@TempDir Path dir) throws Exception {
        String block = firstJavaBlock();
        List<String> imports = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (String line : block.split("\n")) {
            if (line.startsWith("import ")) {
                imports.add(line);
            } else {
                body.append("        ").append(line).append('\n');
            }
        }
        assertTrue(block.lines().count() <= 16, "the README example should stay short");
        String source = String.join("\n", imports) + "\n\npublic class ReadmeSnippet {\n"
                + "    public static void main(String[] args) throws Exception {\n"
                // the example's data path is relative to the repository root; tests run in examples/
                + body.toString().replace("\"examples/data/lung.csv\"",
                        "\"" + REPO.resolve("examples/data/lung.csv").toString().replace("\\", "\\\\") + "\"")
                + "    }\n}\n";
        Path file = dir.resolve("ReadmeSnippet.java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-classpath", System.getProperty("java.class.path"), "-d",
                dir.toString(), file.toString());
        assertEquals(0, rc, "README example does not compile:\n" + source);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                getClass().getClassLoader())) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            Method main = loader.loadClass("ReadmeSnippet").getMethod("main", String[].class);
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(saved);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("sex=1 138    112"), printed);
        assertTrue(printed.contains("Likelihood ratio test"), printed);
        assertTrue(printed.contains("Chisq= 10.3  on 1 degrees of freedom"), printed);
    }
}
