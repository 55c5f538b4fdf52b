package io.survkit.regression;

import io.survkit.data.ModelFrame;
import io.survkit.data.PenalizedSplineBasis;
import io.survkit.data.SurvivalData;
import io.survkit.data.Term;
import io.survkit.data.Terms;
import io.survkit.internal.Check;
import io.survkit.internal.Tolerances;
import java.util.ArrayList;
import java.util.List;

/**
 * Penalized Cox regression, equal to R {@code survival::coxph} with {@code pspline()} or
 * {@code frailty()} terms ({@code coxpenal.fit}): penalized splines (P-splines whose smoothing
 * parameter is chosen so that the term has the asked-for degrees of freedom) and a shared gamma
 * frailty (a random effect per cluster whose variance is estimated by R's default method
 * {@code "em"}, maximising the profile I-likelihood), beside ordinary covariates and strata.
 *
 * <p>Defaults ({@link #withDefaults()}): Efron ties, at most 20 Newton-Raphson iterations per fit,
 * tolerance 1e-9, at most 10 outer iterations (R {@code coxph.control(outer.max = 10)}). R's
 * robust variance is not defined for penalized models (R ignores it with a warning); a cluster term
 * is rejected.
 *
 * <pre>{@code
 * PenalizedCoxResult fit = PenalizedCoxRegression.withDefaults().fit(lung, "pspline(age, df = 4) + sex");
 * System.out.println(fit);   // R's print(coxph(...)): coef, se(coef), se2, Chisq, DF, p
 * PenalizedCoxResult kid = PenalizedCoxRegression.withDefaults().fit(kidney, "age + sex + frailty(id)");
 * double theta = kid.frailtyVariance().getAsDouble();
 * }</pre>
 */
public final class PenalizedCoxRegression {
    private static final PenalizedCoxRegression DEFAULTS = new PenalizedCoxRegression(TieMethod.EFRON, 20, 1e-9, 10);
    private final TieMethod ties;
    private final int maxIterations;
    private final double tolerance;
    private final int outerMaxIterations;

    private PenalizedCoxRegression(TieMethod ties, int maxIterations, double tolerance, int outerMaxIterations) {
        this.ties = ties;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.outerMaxIterations = outerMaxIterations;
    }

    /**
     * The default procedure: Efron ties, 20 inner iterations, tolerance 1e-9, 10 outer iterations
     * (R {@code coxph.control()}).
     *
     * @return the default procedure
     */
    public static PenalizedCoxRegression withDefaults() {
        return DEFAULTS;
    }

    /**
     * @param method {@link TieMethod#EFRON} or {@link TieMethod#BRESLOW} (R's penalized code has no exact method)
     * @return the procedure with these ties
     */
    public PenalizedCoxRegression withTies(TieMethod method) {
        if (Check.notNull("tie method", method) == TieMethod.EXACT) {
            throw Check.fail("ties = exact is not available for penalized Cox models (R's coxpenal.fit has Efron and"
                    + " Breslow only)");
        }
        return new PenalizedCoxRegression(method, maxIterations, tolerance, outerMaxIterations);
    }

    /**
     * @param n the Newton-Raphson iteration limit of each inner fit (R {@code iter.max}), at least 1
     * @return the procedure
     */
    public PenalizedCoxRegression withMaxIterations(int n) {
        if (n < 1) {
            throw Check.fail("maximum iterations must be >= 1, got %d", n);
        }
        return new PenalizedCoxRegression(ties, n, tolerance, outerMaxIterations);
    }

    /**
     * @param eps relative change of the penalized log-likelihood that ends an inner fit (R {@code eps})
     * @return the procedure
     */
    public PenalizedCoxRegression withTolerance(double eps) {
        if (!(eps > Tolerances.COX_CHOLESKY && eps < 1)) {
            throw Check.fail("tolerance must be between %s and 1, got %s", Tolerances.COX_CHOLESKY, eps);
        }
        return new PenalizedCoxRegression(ties, maxIterations, eps, outerMaxIterations);
    }

    /**
     * @param n the limit of outer iterations choosing the penalties (R {@code outer.max}), at least 1
     * @return the procedure
     */
    public PenalizedCoxRegression withOuterMaxIterations(int n) {
        if (n < 1) {
            throw Check.fail("maximum outer iterations must be >= 1, got %d", n);
        }
        return new PenalizedCoxRegression(ties, maxIterations, tolerance, n);
    }

    /** @return the tie handling */
    public TieMethod ties() {
        return ties;
    }

    /** @return the inner iteration limit */
    public int maxIterations() {
        return maxIterations;
    }

    /** @return the inner tolerance */
    public double tolerance() {
        return tolerance;
    }

    /** @return the outer iteration limit */
    public int outerMaxIterations() {
        return outerMaxIterations;
    }

    /**
     * @param terms a model
     * @return true when it has a {@code pspline()} or {@code frailty()} term
     */
    public static boolean isPenalized(Terms terms) {
        for (Term t : terms.terms()) {
            if (t instanceof Term.PenalizedSpline || t instanceof Term.Frailty) {
                return true;
            }
        }
        return false;
    }

    /**
     * Fits {@code coxph(Surv(...) ~ formula)} with penalized terms.
     *
     * @param data the data
     * @param formula e.g. {@code "pspline(age, df = 4) + sex"} or {@code "age + sex + frailty(id)"}
     * @return the fit
     */
    public PenalizedCoxResult fit(SurvivalData data, String formula) {
        return fit(data, Terms.parse(Check.notNull("formula", formula)));
    }

    /**
     * @param data the data
     * @param terms the model terms
     * @return the fit
     */
    public PenalizedCoxResult fit(SurvivalData data, Terms terms) {
        return fit(ModelFrame.of(Check.notNull("data", data), Check.notNull("terms", terms)));
    }

    /**
     * @param frame the model frame
     * @return the fit
     * @throws IllegalArgumentException without a penalized term, with two frailties, a frailty beside a
     *     pspline, a frailty with case weights, a cluster term or a {@code tt()} term
     */
    public PenalizedCoxResult fit(ModelFrame frame) {
        Check.notNull("frame", frame);
        Terms terms = frame.terms();
        if (!isPenalized(terms)) {
            throw Check.fail("the model %s has no pspline() or frailty() term; use CoxRegression", terms.formula());
        }
        if (frame.hasTimeTransforms()) {
            throw Check.fail("tt() terms cannot be combined with pspline() or frailty() here");
        }
        if (frame.cluster().isPresent()) {
            // R: "the robust variance is not defined for a penalized model, option ignored"
            throw Check.fail("a cluster (robust variance) is not defined for a penalized Cox model (R ignores it);"
                    + " remove cluster() or the cluster column");
        }
        int frailties = 0;
        int splines = 0;
        for (Term t : terms.terms()) {
            frailties += t instanceof Term.Frailty ? 1 : 0;
            splines += t instanceof Term.PenalizedSpline ? 1 : 0;
        }
        if (frailties > 1) {
            throw Check.fail("only one frailty() term is allowed (R: \"Only one sparse penalty term allowed\")");
        }
        if (frailties == 1 && splines > 0) {
            throw Check.fail("a frailty() term beside a pspline() term is not supported; fit them separately");
        }
        if (frailties == 1 && frame.hasWeights()) {
            throw Check.fail("case weights with a frailty() term are not supported (column '%s')",
                    frame.weightsColumn().orElse(""));
        }
        CoxDesign d = CoxDesign.of(frame);
        List<PenalizedCoxFit.Penalty> penalties = new ArrayList<>();
        List<ModelFrame.TermSpan> spans = frame.termSpans();
        String[] kinds = new String[spans.size()];
        List<PenalizedSplineBasis> bases = new ArrayList<>();
        for (int t = 0; t < spans.size(); t++) {
            ModelFrame.TermSpan sp = spans.get(t);
            Term term = termNamed(terms, sp.name());
            int[] cols = d.termColumns[t];
            if (term instanceof Term.PenalizedSpline ps) {
                PenalizedSplineBasis b = frame.splineBasis(term).orElseThrow();
                penalties.add(new PenalizedCoxFit.SplinePenalty(sp.name(), cols, b.penalty(), ps.df(), ps.intervals()));
                kinds[t] = "pspline";
                bases.add(b);
            } else if (term instanceof Term.Frailty) {
                if (cols.length < 2) {
                    throw Check.fail("frailty(%s) needs at least two clusters", term.columns().get(0));
                }
                penalties.add(new PenalizedCoxFit.GammaFrailty(sp.name(), cols, eventsPerCluster(frame, sp)));
                kinds[t] = "frailty";
                bases.add(null);
            } else {
                kinds[t] = "";
                bases.add(null);
            }
        }
        PenalizedCoxFit f = new PenalizedCoxFit(d, ties, penalties, maxIterations, tolerance);
        f.fit(outerMaxIterations);
        return new PenalizedCoxResult(this, d, f, kinds, bases, penalties);
    }

    private static Term termNamed(Terms terms, String name) {
        for (Term t : terms.terms()) {
            if (t.formula().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** Events per cluster (R's {@code tapply(status, frailx, sum)}). */
    private static double[] eventsPerCluster(ModelFrame frame, ModelFrame.TermSpan sp) {
        double[] e = new double[sp.columnCount()];
        for (int i = 0; i < frame.rowCount(); i++) {
            if (!frame.isEvent(i)) {
                continue;
            }
            for (int j = 0; j < sp.columnCount(); j++) {
                if (frame.value(i, sp.firstColumn() + j) == 1) {
                    e[j] += 1;
                }
            }
        }
        return e;
    }

    @Override
    public String toString() {
        return "PenalizedCoxRegression[ties=" + ties + ", maxIterations=" + maxIterations + ", tolerance=" + tolerance
                + ", outerMaxIterations=" + outerMaxIterations + "]";
    }
}
