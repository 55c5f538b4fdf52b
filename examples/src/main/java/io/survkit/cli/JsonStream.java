package io.survkit.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Streamed JSON in the oracle's layout ({@code {"result": {...}}}), for results too large to hold
 * as a tree: a curve of 10^6 points is written number by number as it is read from the result's
 * arrays. Objects are indented, number arrays stay on one line; non-finite numbers are null; doubles
 * are written by Jackson's Schubfach writer (the shortest text that reads back to the same double,
 * as {@link Double#toString}, several times faster on Java 17); whole numbers without a fraction.
 */
final class JsonStream implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final JsonGenerator g;

    private JsonStream(JsonGenerator g) {
        this.g = g;
    }

    /** Starts {@code {"result": {}} on {@code out}; close to finish it (the writer stays open). */
    static JsonStream result(Writer out) {
        try {
            DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance);
            JsonGenerator g = MAPPER.getFactory().createGenerator(out)
                    .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER.mappedFeature())
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(pretty);
            g.writeStartObject();
            g.writeFieldName("result");
            g.writeStartObject();
            return new JsonStream(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The generator, for the caller's own fields. */
    JsonGenerator generator() {
        return g;
    }

    /** A number field (null if not finite). */
    void field(String name, double v) throws IOException {
        g.writeFieldName(name);
        number(v);
    }

    /** A number (null if not finite; a whole number below 2^53 without a fraction). */
    void number(double v) throws IOException {
        if (!Double.isFinite(v)) {
            g.writeNull();
        } else if (v == Math.rint(v) && Math.abs(v) < 0x1p53) {
            g.writeNumber(v == 0 ? 0L : (long) v);
        } else {
            g.writeNumber(v);
        }
    }

    /** A number array of the elements {@code index} of {@code v} (all of them when {@code index} is null). */
    void array(String name, double[] v, int[] index) throws IOException {
        g.writeFieldName(name);
        g.writeStartArray();
        if (index == null) {
            for (double x : v) {
                number(x);
            }
        } else {
            for (int i : index) {
                number(v[i]);
            }
        }
        g.writeEndArray();
    }

    /** A field holding a (small) tree. */
    void tree(String name, JsonNode node) throws IOException {
        g.writeFieldName(name);
        g.writeTree(node);
    }

    @Override
    public void close() {
        try {
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
