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
}
