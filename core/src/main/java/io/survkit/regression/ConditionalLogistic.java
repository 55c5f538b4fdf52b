package io.survkit.regression;

import io.survkit.data.SurvivalData;
import io.survkit.data.Term;
import io.survkit.data.Terms;
import io.survkit.internal.Check;

/**
 * Conditional logistic regression for matched case-control data, equal to R
 * {@code survival::clogit(case ~ x + strata(set))}: R fits it as the Cox model
 * {@code coxph(Surv(rep(1, n), case) ~ x + strata(set), ties = "exact")}, every matched set a
 * stratum whose cases are tied events at one common time, so that the likelihood is the
 * conditional likelihood of which members of each set are the cases. The data's event status is
 * the case indicator; its time column is not used.
 *
 * <p>Defaults ({@link #withDefaults()}): the exact conditional likelihood (R {@code method =
 * "exact"}), confidence level 0.95. {@link TieMethod#BRESLOW} is R's {@code method =
 * "approximate"}, {@link TieMethod#EFRON} R's {@code "efron"}.
 *
 * <pre>{@code
 * SurvivalData infert = SurvivalData.csv(Path.of("infert.csv")).time("stratum").event("case", "1").read();
 * CoxResult fit = ConditionalLogistic.withDefaults().fit(infert, "spontaneous + induced + strata(stratum)");
 * double oddsRatio = fit.hazardRatios()[0];   // the conditional odds ratio of spontaneous
 * }</pre>
 */
public final class ConditionalLogistic {
    private static final ConditionalLogistic DEFAULTS = new ConditionalLogistic(TieMethod.EXACT, 0.95);
    private final TieMethod method;
    private final double confLevel;

    private ConditionalLogistic(TieMethod method, double confLevel) {
        this.method = method;
        this.confLevel = confLevel;
    }

    /** @return the exact conditional likelihood, confidence level 0.95 */
    public static ConditionalLogistic withDefaults() {
        return DEFAULTS;
    }

    /**
     * @param m {@link TieMethod#EXACT} (R's default), {@link TieMethod#BRESLOW} (R's "approximate") or
     *     {@link TieMethod#EFRON}
     * @return the procedure
     */
    public ConditionalLogistic withMethod(TieMethod m) {
        return new ConditionalLogistic(Check.notNull("method", m), confLevel);
    }

    /**
     * @param level confidence level of the odds ratios, in (0, 1)
     * @return the procedure
     */
    public ConditionalLogistic withConfidenceLevel(double level) {
        return new ConditionalLogistic(method, Check.openUnit("confidence level", level));
    }

    /** @return the likelihood used */
    public TieMethod method() {
        return method;
    }

    /** @return the confidence level */
    public double confidenceLevel() {
        return confLevel;
    }

    /**
     * Fits {@code clogit(case ~ formula)}.
     *
     * @param data the data: its event status marks the cases
     * @param formula covariates and {@code strata(matched set)}
     * @return the fit as a Cox result: {@code hazardRatios()} are the conditional odds ratios
     * @throws IllegalArgumentException without a strata term, with a cluster term (R: "robust variance
     *     plus the exact method is not supported"), or with case weights and the exact method
     */
    public CoxResult fit(SurvivalData data, String formula) {
        return fit(data, Terms.parse(Check.notNull("formula", formula)));
    }

    /**
     * @param data the data: its event status marks the cases
     * @param terms covariates and {@code strata(matched set)}
     * @return the fit
     */
    public CoxResult fit(SurvivalData data, Terms terms) {
        Check.notNull("data", data);
        check(Check.notNull("terms", terms));
        double[] one = new double[data.rowCount()];
        java.util.Arrays.fill(one, 1);
        String name = "(clogit time)";
        SurvivalData d = data.withTimes(name, one);
        CoxVariance v = data.clusterColumn().isPresent() && method == TieMethod.EXACT ? CoxVariance.MODEL
                : CoxVariance.AUTO;
        return CoxRegression.withDefaults().withTies(method).withConfidenceLevel(confLevel).withVariance(v)
                .fit(d, terms);
    }

    private void check(Terms terms) {
        boolean strata = false;
        for (Term t : terms.terms()) {
            strata |= t instanceof Term.Strata;
            if (t instanceof Term.Cluster && method == TieMethod.EXACT) {
                throw Check.fail("a cluster() term with the exact method is not supported (R clogit: \"robust"
                        + " variance plus the exact method is not supported\")");
            }
        }
        if (!strata) {
            throw Check.fail("conditional logistic regression needs the matched sets as strata(...) in the formula");
        }
    }

    /**
     * Fits {@code clogit} on a model frame (its exit and entry times are replaced by 1).
     *
     * @param frame covariates and {@code strata(matched set)}, the event status marking the cases
     * @return the fit
     */
    public CoxResult fit(io.survkit.data.ModelFrame frame) {
        Check.notNull("frame", frame);
        check(frame.terms());
        CoxVariance v = frame.cluster().isPresent() && method == TieMethod.EXACT ? CoxVariance.MODEL
                : CoxVariance.AUTO;
        return CoxRegression.withDefaults().withTies(method).withConfidenceLevel(confLevel).withVariance(v)
                .fit(frame.atCommonTime());
    }

    @Override
    public String toString() {
        return "ConditionalLogistic[method=" + method + ", confLevel=" + confLevel + "]";
    }
}
