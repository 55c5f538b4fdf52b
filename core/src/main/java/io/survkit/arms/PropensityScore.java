package io.survkit.arms;

import io.survkit.data.Factor;
import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.data.Term;
import io.survkit.data.Terms;
import io.survkit.internal.Check;
import io.survkit.regression.LogisticRegression;
import io.survkit.regression.LogisticResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The propensity score e(x) = P(treated | x), estimated by logistic regression (R
 * {@code glm(treated ~ x, family = binomial)}, see {@link LogisticRegression}) on chosen covariates
 * of a {@link SurvivalData}. Rosenbaum and Rubin (1983).
 *
 * <p>Defaults ({@link #withDefaults()}): every covariate of the data, in the data's order;
 * {@link LogisticRegression#withDefaults()}. The data's case weights, if any, are the prior
 * weights of the fit.
 *
 * <pre>{@code
 * SurvivalData data = SurvivalData.csv(Path.of("cohort.csv")).time("months").event("dead", "1")
 *         .group("arm").numeric("age").factor("sex", "Male").read();
 * PropensityScoreResult ps = PropensityScore.withDefaults().estimate(data, "Surgery");
 * double[] logit = ps.logits();
 * }</pre>
 */
public final class PropensityScore {
    private static final PropensityScore DEFAULTS = new PropensityScore(Terms.none(), LogisticRegression.withDefaults());

    private final Terms covariates;
    private final LogisticRegression regression;

    private PropensityScore(Terms covariates, LogisticRegression regression) {
        this.covariates = covariates;
        this.regression = regression;
    }

    /**
     * No covariates yet (give them with {@link #withCovariates}); default {@link LogisticRegression}.
     *
     * @return the default procedure
     */
    public static PropensityScore withDefaults() {
        return DEFAULTS;
    }

    /**
     * @param names covariate columns taken as they are (numbers numeric, text a factor), in this order
     * @return the procedure with these covariates
     */
    public PropensityScore withCovariates(String... names) {
        Check.notNull("covariates", names);
        if (names.length == 0) {
            throw Check.fail("give at least one covariate for the propensity model");
        }
        Term[] t = new Term[names.length];
        for (int i = 0; i < names.length; i++) {
            t[i] = Terms.variable(Check.notNull("covariate name", names[i]));
        }
        return new PropensityScore(Terms.of(t), regression);
    }

    /**
     * @param terms the covariates of the propensity model (numeric, factors, interactions)
     * @return the procedure with these covariates
     */
    public PropensityScore withCovariates(Terms terms) {
        if (Check.notNull("covariates", terms).isEmpty()) {
            throw Check.fail("give at least one covariate for the propensity model");
        }
        return new PropensityScore(terms, regression);
    }

    /**
     * @param r the logistic regression settings (iterations, tolerance)
     * @return the procedure with them
     */
    public PropensityScore withRegression(LogisticRegression r) {
        return new PropensityScore(covariates, Check.notNull("regression", r));
    }

    /** @return the covariates */
    public Terms covariates() {
        return covariates;
    }

    /**
     * Fits the model; {@code treated[i]} belongs to row i of the data. Every row must be complete
     * in the covariates (the score is one per row).
     *
     * @param data the data
     * @param treated the treatment indicator of each row
     * @return the scores
     */
    public PropensityScoreResult estimate(SurvivalData data, boolean[] treated) {
        Check.notNull("data", data);
        Check.notNull("treated", treated);
        if (covariates.isEmpty()) {
            throw Check.fail("the propensity model has no covariates; give them with withCovariates(...)");
        }
        ModelFrame frame = ModelFrame.of(data, covariates);
        if (frame.omittedRows() > 0) {
            throw Check.fail("%d rows have a missing value in the propensity covariates %s (or the survival columns);"
                    + " leave them out first: the score is one per row", frame.omittedRows(), covariates.columns());
        }
        LogisticResult fit = regression.fit(frame, treated);
        return new PropensityScoreResult(treated.clone(), fit.fitted(), fit.linearPredictor(), fit);
    }

    /**
     * Fits the model with the rows whose {@code armColumn} value is {@code treatedLevel} as treated.
     *
     * @param data the data
     * @param armColumn the treatment column
     * @param treatedLevel its treated value
     * @return the scores
     */
    public PropensityScoreResult estimate(SurvivalData data, String armColumn, String treatedLevel) {
        return estimate(data, treated(data, armColumn, treatedLevel));
    }

    /**
     * The treatment indicator of each row: its {@code armColumn} value equals {@code treatedLevel}.
     *
     * @param data the data
     * @param armColumn the treatment column
     * @param treatedLevel its treated value
     * @return one flag per row
     */
    public static boolean[] treated(SurvivalData data, String armColumn, String treatedLevel) {
        Check.notNull("data", data);
        Check.notNull("treated level", treatedLevel);
        Factor g = data.factor(Check.notNull("arm column", armColumn));
        int code = g.indexOf(treatedLevel);
        if (code < 0) {
            throw Check.fail("'%s' is not a level of column '%s'; levels are %s", treatedLevel, armColumn,
                    g.levels());
        }
        boolean[] t = new boolean[data.rowCount()];
        for (int i = 0; i < t.length; i++) {
            t[i] = g.code(i) == code;
        }
        return t;
    }
}
