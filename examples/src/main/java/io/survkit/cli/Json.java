package io.survkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** JSON output in the oracle's layout: non-finite numbers are null; arrays stay arrays. */
final class Json {
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static ObjectNode object() {
        return F.objectNode();
    }

    static void put(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }

    static ArrayNode array(double[] v) {
        ArrayNode a = F.arrayNode();
        for (double x : v) {
            if (Double.isFinite(x)) {
                a.add(x);
            } else {
                a.addNull();
            }
        }
        return a;
    }

    static ArrayNode array(int[] v) {
        ArrayNode a = F.arrayNode();
        for (int x : v) {
            a.add(x);
        }
        return a;
    }

    static ArrayNode matrix(double[][] m) {
        ArrayNode a = F.arrayNode();
        for (double[] row : m) {
            a.add(array(row));
        }
        return a;
    }

    static ArrayNode strings(List<String> v) {
        ArrayNode a = F.arrayNode();
        v.forEach(a::add);
        return a;
    }

    static String write(ObjectNode result) {
        ObjectNode root = object();
        root.set("result", result);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
