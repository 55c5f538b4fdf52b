package io.survkit.validation;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.data.Term;
import io.survkit.data.Terms;
import io.survkit.internal.Check;
import io.survkit.regression.CoxRegression;
import io.survkit.regression.CoxResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Internal validation of a Cox model by the bootstrap with Harrell's optimism correction, as
 * {@code rms::validate(fit, B = )}: for B resamples (n rows drawn with replacement) the model is
 * refitted; its index in the resample (training) minus its index in the original data (test) is
 * the optimism of that replicate; corrected = apparent - mean optimism.
 *
 * <p>Indices: C (Harrell's concordance of the linear predictor, as Cox's), Dxy = 2C - 1, and the
 * calibration slope (the coefficient of the linear predictor in a Cox model refitted on it: 1 in
 * the data a model was fitted to, below 1 in new data when the model overfits).
 *
 * <p>Replicate b draws its rows from its own generator seeded from (seed, b) and the means add the
 * replicates in order, so one seed gives bit-identical results with any thread count. A column
 * that is constant in a resample (a factor level absent from it) gets coefficient 0, as R's
 * {@code predict} uses for an {@code NA} coefficient; replicates whose model does not converge or
 * has a coefficient running to infinity are left out and counted.
 *
 * <p>Defaults ({@link #withDefaults()}): B = 200, seed 1, as many threads as processors, Cox
 * with its defaults.
 *
 * <pre>{@code
 * ValidationResult v = BootstrapValidation.withDefaults().withReplicates(300).withSeed(2026)
 *         .validate(lung, "age + sex + factor(ph.ecog)");
 * v.index("C").corrected();      // optimism-corrected C-index
 * }</pre>
 */
public final class BootstrapValidation {
    private static final BootstrapValidation DEFAULTS = new BootstrapValidation(200, 1, 0, CoxRegression.withDefaults());
    private final int replicates;
    private final long seed;
    private final int threads;
    private final CoxRegression cox;

    private BootstrapValidation(int replicates, long seed, int threads, CoxRegression cox) {
        this.replicates = replicates;
        this.seed = seed;
        this.threads = threads;
        this.cox = cox;
    }

    /**
     * B = 200, seed 1, all processors, {@link CoxRegression#withDefaults()}.
     *
     * @return the shared default instance
     */
    public static BootstrapValidation withDefaults() {
        return DEFAULTS;
    }

    /**
     * Number of bootstrap replicates B, at least 1.
     *
     * @param b the number of replicates
     * @return a new instance with this setting (this one is unchanged)
     */
    public BootstrapValidation withReplicates(int b) {
        if (b < 1) {
            throw Check.fail("the number of replicates must be >= 1, got %d", b);
        }
        return new BootstrapValidation(b, seed, threads, cox);
    }

    /**
     * The seed; the same seed gives the same result with any thread count.
     *
     * @param s the 0-based index
     * @return a new instance with this setting (this one is unchanged)
     */
    public BootstrapValidation withSeed(long s) {
        return new BootstrapValidation(replicates, s, threads, cox);
    }

    /**
     * Threads to use, at least 1 (default: the number of processors).
     *
     * @param n the count
     * @return a new instance with this setting (this one is unchanged)
     */
    public BootstrapValidation withThreads(int n) {
        if (n < 1) {
            throw Check.fail("threads must be >= 1, got %d", n);
        }
        return new BootstrapValidation(replicates, seed, n, cox);
    }

    /**
     * The Cox procedure (ties, iterations) refitted in every replicate.
     *
     * @param c the cox regression
     * @return a new instance with this setting (this one is unchanged)
     */
    public BootstrapValidation withModel(CoxRegression c) {
        return new BootstrapValidation(replicates, seed, threads, Check.notNull("model", c));
    }

    /** {@return threads that {@link #validate} will use} */
    public int threads() {
        return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Validates the Cox model {@code formula} (e.g. {@code "age + sex + factor(ph.ecog)"}, strata
     * allowed) on {@code data} by the bootstrap; rows missing a used column are left out first.
     *
     * @param data the data
     * @param formula the model formula (R syntax)
     * @return the result
     */
    public ValidationResult validate(SurvivalData data, String formula) {
        Check.notNull("data", data);
        Terms terms = Terms.parse(Check.notNull("formula", formula));
        SurvivalData complete = data.rows(ModelFrame.of(data, terms).dataRows());
        ModelFrame frame = ModelFrame.of(complete, terms);
        CoxResult full = cox.fit(frame);
        if (!usable(full, full.coefficients())) {
            throw Check.fail("the model does not converge on the data: %s", full.warnings());
        }
        Terms strata = strataOf(terms);
        double apparentC = full.concordance();
        double[][] rep = Resampling.run(frame.rowCount(), replicates, seed, threads(),
                idx -> replicate(complete, terms, frame, strata, idx));
        double[] sum = new double[4];
        int ok = 0;
        for (double[] r : rep) {
            if (r != null) {
                for (int k = 0; k < 4; k++) {
                    sum[k] += r[k];
                }
                ok++;
            }
        }
        if (ok == 0) {
            throw Check.fail("no bootstrap replicate converged (%d tried)", replicates);
        }
        double trainC = sum[0] / ok;
        double testC = sum[1] / ok;
        double trainSlope = sum[2] / ok;
        double testSlope = sum[3] / ok;
        List<ValidationIndex> out = new ArrayList<>();
        out.add(index("C", apparentC, trainC, testC, ok));
        out.add(index("Dxy", 2 * apparentC - 1, 2 * trainC - 1, 2 * testC - 1, ok));
        out.add(index("Slope", 1, trainSlope, testSlope, ok));
        return new ValidationResult(out, replicates, replicates - ok, seed);
    }

    private static ValidationIndex index(String name, double apparent, double training, double test, int n) {
        double optimism = training - test;
        return new ValidationIndex(name, apparent, training, test, optimism, apparent - optimism, n);
    }

    /**
     * {training C, test C, training slope (1), test slope}, or null when the refit is not usable.
     * Test: the resample's coefficients on the original rows (frame), C within the model's strata
     * and the Cox slope of that linear predictor.
     */
    private double[] replicate(SurvivalData complete, Terms terms, ModelFrame frame, Terms strata, int[] rows) {
        CoxResult fit;
        try {
            fit = cox.fit(complete.rows(rows), terms);
        } catch (IllegalArgumentException e) {
            return null; // e.g. no event in the resample
        }
        double[] beta = fit.coefficients();
        for (int j = 0; j < beta.length; j++) {
            if (Double.isNaN(beta[j])) {
                beta[j] = 0; // a column constant in the resample (R: coefficient NA, predict() uses 0)
            }
        }
        if (!usable(fit, beta)) {
            return null;
        }
        double[] lp = LinearPredictor.of(fit.terms(), beta, frame);
        SurvivalData withLp = complete.withNumeric(LP, lp);
        double testC = Concordance.withDefaults().withDirection(Direction.HIGHER_RISK)
                .estimate(ModelFrame.of(withLp, strata), lp).concordance();
        double slope = cox.fit(withLp, strata.plus(Terms.numeric(LP))).coefficients()[0];
        return new double[] {fit.concordance(), testC, 1, slope};
    }

    private static final String LP = "bootstraplp";

    /** The strata terms of the model (the concordance and the slope are within strata, as Cox's). */
    private static Terms strataOf(Terms terms) {
        List<Term> s = new ArrayList<>();
        for (Term t : terms.terms()) {
            if (t instanceof Term.Strata) {
                s.add(t);
            }
        }
        return Terms.of(s.toArray(new Term[0]));
    }

    private static boolean usable(CoxResult fit, double[] beta) {
        if (!fit.converged() || !fit.possiblyInfinite().isEmpty()) {
            return false;
        }
        for (double b : beta) {
            if (!Double.isFinite(b)) {
                return false;
            }
        }
        return true;
    }
}
