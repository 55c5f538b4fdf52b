package io.survkit.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * R's answers for the issue-12 defect tests: {@code reference/defects_issue12.json}, written by
 * {@code reference/defects_issue12.R} (each case names its R call in {@code rCall}).
 */
public final class DefectReference {
    private static final JsonNode ROOT = load();

    private DefectReference() {
    }

    private static JsonNode load() {
        try (InputStream in = DefectReference.class.getResourceAsStream("/reference/defects_issue12.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The case {@code name}; fails when it is missing. */
    public static JsonNode get(String name) {
        JsonNode c = ROOT.get(name);
        if (c == null) {
            throw new IllegalStateException("no case " + name + " in defects_issue12.json");
        }
        return c;
    }
}
