package io.survkit.validation;

import io.survkit.data.ModelFrame;
import io.survkit.internal.Check;
import io.survkit.regression.CoxResult;
import java.util.List;

/**
 * x'beta of a Cox model for the rows of a model frame (the model's terms resolved against new or
 * resampled data), matching design columns to coefficients by name; a coefficient that is NaN (a
 * column constant in the fitting rows) counts as 0, as R's {@code predict} treats an {@code NA}
 * coefficient. Uncentred: R {@code predict(fit, newdata, type = "lp")} plus a constant, which no
 * rank or Cox-slope statistic sees.
 */
final class LinearPredictor {
    private LinearPredictor() {
    }

    /** x'beta per row of {@code frame} with {@code fit}'s coefficients. */
    static double[] of(CoxResult fit, ModelFrame frame) {
        return of(fit.terms(), fit.coefficients(), frame);
    }

    /** x'beta per row of {@code frame} for coefficients {@code beta} named {@code columns}. */
    static double[] of(List<String> columns, double[] beta, ModelFrame frame) {
        double[] lp = new double[frame.rowCount()];
        List<String> names = frame.columnNames();
        for (int j = 0; j < columns.size(); j++) {
            int c = names.indexOf(columns.get(j));
            if (c < 0) {
                throw Check.fail("the data have no model column '%s' (they have %s)", columns.get(j), names);
            }
            double b = beta[j];
            if (Double.isNaN(b) || b == 0) {
                continue;
            }
            double[] x = frame.column(c);
            for (int i = 0; i < lp.length; i++) {
                lp[i] += x[i] * b;
            }
        }
        return lp;
    }
}
