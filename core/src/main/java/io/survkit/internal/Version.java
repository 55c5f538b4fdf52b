package io.survkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** survkit's version, for methods paragraphs and reports. */
public final class Version {
    private static final String VERSION = read();

    private Version() {
    }

    /**
     * The version of survkit-core: from the jar's Maven metadata ({@code pom.properties}), else the
     * package's implementation version, else {@code "development build"} (classes run from a build
     * directory).
     */
    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream(
                "/META-INF/maven/io.survkit/survkit-core/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) {
                    return v.strip();
                }
            }
        } catch (IOException e) {
            // fall through to the next source
        }
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "development build";
    }
}
