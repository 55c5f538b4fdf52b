package io.survkit.validation;

import io.survkit.data.Covariate;
import io.survkit.data.SurvivalData;
import io.survkit.internal.Check;
import io.survkit.regression.CoxResult;
import java.util.List;

/**
 * x'beta of a Cox model's coefficients for the rows of (other) data with the same covariates:
 * numeric columns as they are, factor dummies {@code <column><level>} against the reference level.
 * Uncentred (R {@code predict(fit, newdata, type = "lp")} minus a constant, which no rank or
 * Cox-slope statistic sees).
 */
final class LinearPredictor {
    private LinearPredictor() {
    }

    /** x'beta per row of {@code data} for the columns and coefficients of {@code fit}. */
    static double[] of(CoxResult fit, double[] beta, SurvivalData data) {
        List<String> columns = fit.terms();
        double[] lp = new double[data.size()];
        for (int t = 0; t < fit.modelTerms().size(); t++) {
            String name = fit.modelTerms().get(t);
            if (name.contains(":")) {
                throw Check.fail("interaction '%s' is not supported here", name);
            }
            Covariate c = data.covariate(name);
            if (c.isFactor()) {
                int[] codes = c.factor().codes();
                List<String> levels = c.factor().levels();
                for (int i = 0; i < lp.length; i++) {
                    if (codes[i] > 0) {
                        lp[i] += beta[columns.indexOf(name + levels.get(codes[i]))];
                    }
                }
            } else {
                double b = beta[columns.indexOf(name)];
                double[] x = c.values();
                for (int i = 0; i < lp.length; i++) {
                    lp[i] += x[i] * b;
                }
            }
        }
        return lp;
    }
}
