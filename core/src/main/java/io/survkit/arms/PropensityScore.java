package io.survkit.arms;

import io.survkit.data.SurvivalData;
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
 * PropensityScores ps = PropensityScore.withDefaults().estimate(data, "Surgery");
 * double[] logit = ps.logits();
 * }</pre>
 */
public final class PropensityScore {
    private static final PropensityScore DEFAULTS = new PropensityScore(null, LogisticRegression.withDefaults());

    private final List<String> covariates;
    private final LogisticRegression regression;

    private PropensityScore(List<String> covariates, LogisticRegression regression) {
        this.covariates = covariates;
        this.regression = regression;
    }

    /** Every covariate of the data; default {@link LogisticRegression}. */
    public static PropensityScore withDefaults() {
        return DEFAULTS;
    }

    /** Only these covariates of the data (numeric or factor), in this order. */
    public PropensityScore withCovariates(String... names) {
        Check.notNull("covariates", names);
        if (names.length == 0) {
            throw Check.fail("give at least one covariate for the propensity model");
        }
        for (String s : names) {
            Check.notNull("covariate name", s);
        }
        return new PropensityScore(Collections.unmodifiableList(new ArrayList<>(Arrays.asList(names))), regression);
    }

    /** The logistic regression settings (iterations, tolerance). */
    public PropensityScore withRegression(LogisticRegression r) {
        return new PropensityScore(covariates, Check.notNull("regression", r));
    }

    /** The chosen covariates, or null for all of the data's. */
    public List<String> covariates() {
        return covariates;
    }

    /** Fits the model; {@code treated[i]} belongs to row i of the data. */
    public PropensityScores estimate(SurvivalData data, boolean[] treated) {
        Check.notNull("data", data);
        LogisticResult fit = covariates == null ? regression.fit(treated, data)
                : regression.fit(treated, data, covariates);
        return new PropensityScores(treated.clone(), fit.fitted(), fit.linearPredictor(), fit);
    }

    /** Fits the model with the rows whose {@link SurvivalData#group()} level is {@code treatedLevel} as treated. */
    public PropensityScores estimate(SurvivalData data, String treatedLevel) {
        return estimate(data, treated(data, treatedLevel));
    }

    /** The treatment indicator of each row: its group level equals {@code treatedLevel}. */
    public static boolean[] treated(SurvivalData data, String treatedLevel) {
        Check.notNull("data", data);
        Check.notNull("treated level", treatedLevel);
        if (data.group() == null) {
            throw Check.fail("the data have no group column; build them with group(column) to name the treated level");
        }
        int code = data.group().indexOf(treatedLevel);
        if (code < 0) {
            throw Check.fail("'%s' is not a level of group column '%s'; levels are %s", treatedLevel,
                    data.group().name(), data.group().levels());
        }
        boolean[] t = new boolean[data.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = data.group().code(i) == code;
        }
        return t;
    }
}
