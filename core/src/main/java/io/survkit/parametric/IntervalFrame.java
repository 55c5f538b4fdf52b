package io.survkit.parametric;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.data.Terms;
import java.util.List;
import java.util.Optional;

/**
 * The model frame of interval-censored data: the rows with at least one bound (R's
 * {@code Surv(lower, upper, type = "interval2")} is missing only when both are), complete in the
 * model's other columns, and the two bounds over those rows (NaN = open end). The data's own time
 * and event roles are not used; the frame is built on a copy whose time role is a placeholder that
 * is missing exactly when both bounds are.
 */
final class IntervalFrame {
    private static final String PLACEHOLDER_TIME = "(interval)";
    private static final String PLACEHOLDER_EVENT = "(interval event)";

    final ModelFrame frame;
    final double[] lower;
    final double[] upper;

    private IntervalFrame(ModelFrame frame, double[] lower, double[] upper) {
        this.frame = frame;
        this.lower = lower;
        this.upper = upper;
    }

    static IntervalFrame of(SurvivalData data, Terms terms, String lowerColumn, String upperColumn) {
        double[] lo = data.numbers(lowerColumn);
        double[] up = data.numbers(upperColumn);
        int n = data.rowCount();
        double[] placeholder = new double[n];
        boolean[] event = new boolean[n];
        for (int i = 0; i < n; i++) {
            placeholder[i] = Double.isNaN(lo[i]) && Double.isNaN(up[i]) ? Double.NaN : 1;
            event[i] = true;
        }
        SurvivalData.Builder b = SurvivalData.builder();
        for (String c : data.columnNames()) {
            if (data.isNumeric(c)) {
                b.numeric(c, data.numbers(c));
            } else {
                Optional<List<String>> levels = data.declaredLevels(c);
                if (levels.isPresent()) {
                    b.factor(c, data.labels(c), levels.get().toArray(new String[0]));
                } else {
                    b.text(c, data.labels(c));
                }
            }
        }
        b.time(PLACEHOLDER_TIME, placeholder).event(PLACEHOLDER_EVENT, event).sourceRows(data.sourceRows());
        data.weightsColumn().ifPresent(b::weights);
        data.clusterColumn().ifPresent(b::cluster);
        ModelFrame frame = ModelFrame.of(b.build(), terms);
        int[] rows = frame.dataRows();
        double[] l = new double[rows.length];
        double[] u = new double[rows.length];
        for (int k = 0; k < rows.length; k++) {
            l[k] = lo[rows[k]];
            u[k] = up[rows[k]];
        }
        return new IntervalFrame(frame, l, u);
    }
}
