package io.survkit.compare;

import com.fasterxml.jackson.databind.JsonNode;

/** JSON helpers of the compare tests. */
final class LogRankOracleTestSupport {
    private LogRankOracleTestSupport() {
    }

    /** A JSON array of numbers; null entries become NaN. */
    static double[] doubles(JsonNode array) {
        double[] r = new double[array.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = array.get(i).isNull() ? Double.NaN : array.get(i).asDouble();
        }
        return r;
    }
}
