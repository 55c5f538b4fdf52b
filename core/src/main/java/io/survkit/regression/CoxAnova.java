package io.survkit.regression;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.data.Term;
import io.survkit.data.Terms;
import io.survkit.internal.Check;
import java.util.ArrayList;
import java.util.List;

/**
 * Likelihood-ratio (analysis of deviance) tables of Cox models, as R's {@code anova(coxph)}:
 * <ul>
 * <li>{@link #sequential}: one model, its terms added one at a time (first to last) on the rows
 * complete for the whole model, each row the log-likelihood after adding the term, the
 * chi-square 2 (l_k - l_(k-1)), its degrees of freedom (the coefficients the term adds) and the
 * upper-tail p; the first row ({@code NULL}) is the model without covariates (strata kept).</li>
 * <li>{@link #compare}: nested models fitted to the same rows, as R's {@code anova(fit1, fit2,
 * ...)}: chi-square |2 (l_k - l_(k-1))| on |df_k - df_(k-1)| degrees of freedom.</li>
 * </ul>
 * Robust (sandwich) fits are refused, as R does: the likelihood-ratio test assumes the model
 * variance.
 *
 * <pre>{@code
 * AnovaResult a = CoxAnova.sequential(CoxRegression.withDefaults(), lung, "age + sex + ph.ecog");
 * System.out.println(a);   // R's print(anova(coxph(Surv(time, status) ~ age + sex + ph.ecog)))
 * }</pre>
 */
public final class CoxAnova {
    private CoxAnova() {
    }

    /**
     * R's {@code anova(coxph(... ~ terms))}: the terms added sequentially.
     *
     * @param cox the fitting options (ties, iterations); its variance must not be robust
     * @param data the data
     * @param formula the model's right-hand side, e.g. {@code "age + sex + strata(inst)"}
     * @return the table
     */
    public static AnovaResult sequential(CoxRegression cox, SurvivalData data, String formula) {
        return sequential(cox, data, Terms.parse(Check.notNull("formula", formula)));
    }

    /**
     * As {@link #sequential(CoxRegression, SurvivalData, String)}, with typed terms.
     *
     * @param cox the fitting options
     * @param data the data
     * @param terms the model's terms
     * @return the table
     */
    public static AnovaResult sequential(CoxRegression cox, SurvivalData data, Terms terms) {
        Check.notNull("cox", cox);
        Check.notNull("data", data);
        Check.notNull("terms", terms);
        refuseRobust(cox);
        // R refits every sub-model on the full model's frame: the rows complete in every term
        SurvivalData rows = data.rows(ModelFrame.of(data, terms).dataRows());
        List<Term> design = new ArrayList<>();
        List<Term> fixed = new ArrayList<>();
        for (Term t : terms.terms()) {
            (t instanceof Term.Strata || t instanceof Term.Cluster || t instanceof Term.Offset ? fixed : design).add(t);
        }
        if (design.isEmpty()) {
            throw Check.fail("anova needs at least one covariate term; the model has %s", terms.terms());
        }
        List<String> labels = new ArrayList<>(List.of("NULL"));
        List<Double> loglik = new ArrayList<>();
        List<Integer> df = new ArrayList<>();
        List<Term> current = new ArrayList<>(fixed);
        CoxResult first = null;
        for (Term t : design) {
            current.add(t);
            CoxResult fit = cox.fit(rows, Terms.of(current.toArray(new Term[0])));
            if (first == null) {
                first = fit;
                loglik.add(fit.logLikelihoodNull());
                df.add(0);
            }
            labels.add(t.formula());
            loglik.add(fit.logLikelihood());
            df.add(estimated(fit));
        }
        return AnovaResult.sequential(labels, loglik, df);
    }

    /**
     * R's {@code anova(fit1, fit2, ...)} for nested models fitted to the same rows.
     *
     * @param fits two or more fits, smallest first
     * @return the table, one row per model
     * @throws IllegalArgumentException for fewer than two fits, fits to different numbers of rows,
     *     different tie methods or a robust fit
     */
    public static AnovaResult compare(CoxResult... fits) {
        Check.notNull("fits", fits);
        if (fits.length < 2) {
            throw Check.fail("compare needs two or more nested fits, got %d", fits.length);
        }
        List<String> labels = new ArrayList<>();
        List<Double> loglik = new ArrayList<>();
        List<Integer> df = new ArrayList<>();
        for (int k = 0; k < fits.length; k++) {
            CoxResult f = Check.notNull("fit", fits[k]);
            if (f.isRobust()) {
                throw Check.fail("model %d has a robust variance; R: \"Can't do anova tables with robust variances\"",
                        k + 1);
            }
            if (f.size() != fits[0].size()) {
                throw Check.fail("model %d was fitted to %d rows, model 1 to %d: the models must be fitted to the "
                        + "same rows (R: models were not all fit to the same size of dataset)", k + 1, f.size(),
                        fits[0].size());
            }
            if (f.tieMethod() != fits[0].tieMethod()) {
                throw Check.fail("model %d uses %s ties, model 1 %s: all models must use the same ties", k + 1,
                        f.tieMethod(), fits[0].tieMethod());
            }
            labels.add(String.join(" + ", f.modelTerms()));
            loglik.add(f.logLikelihood());
            df.add(estimated(f));
        }
        return AnovaResult.models(labels, loglik, df);
    }

    /** Coefficients estimated (not aliased), R's {@code sum(!is.na(coef(fit)))}. */
    static int estimated(CoxResult fit) {
        int n = 0;
        for (double b : fit.coefficients()) {
            n += Double.isNaN(b) ? 0 : 1;
        }
        return n;
    }

    private static void refuseRobust(CoxRegression cox) {
        if (cox.variance() == CoxVariance.ROBUST) {
            throw Check.fail("anova of a robust Cox fit: R stops (\"Can't do anova tables with robust variances\"); "
                    + "use CoxVariance.MODEL");
        }
    }
}
