package io.survkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The one chi-square tail of the library against R 4.2.2's {@code pchisq(x, df, lower.tail = FALSE)},
 * including R's rule at df = 0 (a point mass at 0: 1 at x = 0, 0 above), where two copies used to
 * disagree (1 vs NaN).
 */
class ProbabilitiesTest {
    @Test
    void chiSquareUpperTailEqualsR() {
        assertEquals(0.049999999999999975, Probabilities.chiSquareUpper(3.841458820694124, 1), 1e-15);
        assertEquals(0.0013303020906468208, Probabilities.chiSquareUpper(10.3, 1), 1e-15);
        assertEquals(0.00075880025565825012, Probabilities.chiSquareUpper(25, 7), 1e-15);
        assertEquals(1.0, Probabilities.chiSquareUpper(0, 0)); // pchisq(0, 0, lower.tail = FALSE)
        assertEquals(0.0, Probabilities.chiSquareUpper(3, 0)); // pchisq(3, 0, lower.tail = FALSE)
        assertEquals(1.0, Probabilities.chiSquareUpper(0, 2));
        assertEquals(Double.NaN, Probabilities.chiSquareUpper(Double.NaN, 1));
        assertEquals(Double.NaN, Probabilities.chiSquareUpper(1, -1));
    }
}
