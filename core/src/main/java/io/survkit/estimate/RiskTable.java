package io.survkit.estimate;

import io.survkit.internal.RFormat;
import java.util.List;

/**
 * Number at risk per curve at chosen times (the table printed under a Kaplan-Meier plot): at time
 * t, the number at risk at the first curve time >= t, 0 after a curve's last time (R's
 * {@code summary(fit, times = t, extend = TRUE)$n.risk}). Weighted with case weights.
 *
 * <pre>{@code
 * RiskTable risk = result.riskTable(0, 180, 365, 730);
 * double atOneYear = risk.numberAtRisk(0, 2); // first curve, third time
 * }</pre>
 */
public final class RiskTable {
    private final List<String> curveNames;
    private final double[] times;
    private final double[][] atRisk;

    RiskTable(List<String> curveNames, double[] times, double[][] atRisk) {
        this.curveNames = List.copyOf(curveNames);
        this.times = times;
        this.atRisk = atRisk;
    }

    /**
     * Names of the curves (rows).
     *
     * @return the list
     */
    public List<String> curveNames() {
        return curveNames;
    }

    /** {@return copy of the times (columns), ascending} */
    public double[] times() {
        return times.clone();
    }

    /**
     * Number at risk in curve {@code curve} at time {@code times()[j]}.
     *
     * @param curve the 0-based curve index
     * @param j the 0-based column index
     * @return the number at risk in curve {@code curve} at time {@code times()[j]}
     */
    public double numberAtRisk(int curve, int j) {
        return atRisk[curve][j];
    }

    /**
     * Copy of one curve's row.
     *
     * @param curve the curve
     * @return copy of one curve's row
     */
    public double[] row(int curve) {
        return atRisk[curve].clone();
    }

    @Override
    public String toString() {
        String[] header = new String[times.length];
        double[][] cols = new double[times.length][curveNames.size()];
        for (int j = 0; j < times.length; j++) {
            header[j] = RFormat.signif(times[j], 7);
            for (int c = 0; c < curveNames.size(); c++) {
                cols[j][c] = atRisk[c][j];
            }
        }
        return "Number at risk\n" + RFormat.table(header, curveNames.toArray(new String[0]), cols, 7, RFormat.NotANumber.NA);
    }
}
