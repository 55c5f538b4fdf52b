package io.survkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonWriterTest {
    @Test
    void escapesStringsAndWritesNonFiniteAsNull() throws Exception {
        String hostile = "A<script>&\"B|x\\\n\t\u0001\u2028";
        String json = new JsonWriter().beginObject().name(hostile).value(hostile).name("nan").value(Double.NaN)
                .name("inf").value(Double.POSITIVE_INFINITY).name("x").array(new double[] {0.1, 3, -2.5e-300})
                .name("empty").beginArray().endArray().name("null").value((String) null).endObject().toString();
        assertTrue(!json.contains("<") && !json.contains("&") && !json.contains("\u2028"), json);
        JsonNode n = new ObjectMapper().readTree(json);
        assertEquals(hostile, n.get(hostile).asText());
        assertTrue(n.get("nan").isNull());
        assertTrue(n.get("inf").isNull());
        assertEquals(0.1, n.get("x").get(0).asDouble());
        assertEquals(3, n.get("x").get(1).asInt());
        assertEquals(-2.5e-300, n.get("x").get(2).asDouble());
        assertEquals(0, n.get("empty").size());
        assertTrue(n.get("null").isNull());
    }

    /** Streaming: the same text into a Writer as into the writer's own buffer; arrays of scalars on one line. */
    @Test
    void streamsIntoAnyAppendable() {
        java.io.StringWriter sw = new java.io.StringWriter();
        new JsonWriter(sw).beginObject().name("x").array(new double[] {1, 2.5}).name("m")
                .matrix(new double[][] {{1}, {2}}).name("o").value(java.util.OptionalDouble.empty()).endObject();
        String own = new JsonWriter().beginObject().name("x").array(new double[] {1, 2.5}).name("m")
                .matrix(new double[][] {{1}, {2}}).name("o").value(java.util.OptionalDouble.empty()).endObject()
                .toString();
        assertEquals(own, sw.toString());
        assertEquals("{\n  \"x\": [1, 2.5],\n  \"m\": [\n    [1],\n    [2]\n  ],\n  \"o\": null\n}", own);
    }
}
