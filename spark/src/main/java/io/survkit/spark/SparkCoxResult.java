package io.survkit.spark;

import io.survkit.internal.JsonWriter;
import io.survkit.internal.Tolerances;
import io.survkit.regression.BaselineHazard;
import io.survkit.regression.ChiSquareTest;
import io.survkit.regression.CoxCoefficients;
import io.survkit.regression.CoxConvergence;
import io.survkit.regression.CoxNewtonRaphson;
import io.survkit.regression.CoxScoreResiduals;
import io.survkit.regression.TieMethod;
import io.survkit.table.Exportable;
import io.survkit.table.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Cox model fitted on Spark ({@link SparkSurvival#cox}): the numbers of core's
 * {@code CoxResult} for the same rows — coefficients, model-based and robust (sandwich, by cluster)
 * standard errors, hazard ratios and intervals, z and p (core's {@link CoxCoefficients}, the one
 * implementation of that arithmetic), log-likelihoods, the likelihood-ratio, Wald and score tests
 * (robust ones when robust, as R), iterations, convergence and warnings, the baseline hazard — plus
 * the work it took (distributed passes, time). Immutable; arrays returned are copies.
 *
 * <p>Not offered on Spark: Harrell's concordance (it compares every comparable pair of rows: an
 * O(n log n) ranking of all rows by time and risk, not a sum per time — exact on a cluster only as a
 * distributed sort of the rows), per-row residuals and the proportional-hazards test (outputs of one
 * value per row), predicted curves with standard errors.
 *
 * <pre>{@code
 * SparkCoxResult fit = SparkSurvival.of(df).time("time").event("status", "2").cluster("inst").cox(
 *         CoxRegression.withDefaults(), "age", "sex");
 * double[] hr = fit.hazardRatios();
 * double[] robustSe = fit.robustStandardErrors().orElseThrow();   // summed within inst, as R's cluster(inst)
 * }</pre>
 */
public final class SparkCoxResult implements Exportable {
    private final List<String> terms;
    private final List<String> columns;
    private final double[] coef;
    private final double[] var;
    /** Core's coefficient table (se, hazard ratios, intervals, z, p): the arithmetic is core's. */
    private final CoxCoefficients table;
    private final double[] means;
    private final double loglikNull;
    private final double loglik;
    private final ChiSquareTest lrt;
    private final ChiSquareTest wald;
    private final ChiSquareTest score;
    private final int iterations;
    private final boolean converged;
    private final long rows;
    private final long events;
    private final long omitted;
    private final double confLevel;
    private final TieMethod ties;
    private final BaselineHazard baseline;
    private final List<String> warnings;
    private final List<String> infinite;
    private final boolean stratified;
    private final int passes;
    private final long nanos;

    private SparkCoxResult(Builder b) {
        this.terms = b.terms;
        this.columns = b.columns;
        this.coef = b.coef;
        this.var = b.var;
        this.table = CoxCoefficients.of(b.coef, b.naiveVar, b.robust ? b.var : null, b.confLevel);
        this.means = b.means;
        this.loglikNull = b.loglikNull;
        this.loglik = b.loglik;
        this.lrt = b.lrt;
        this.wald = b.wald;
        this.score = b.score;
        this.iterations = b.iterations;
        this.converged = b.converged;
        this.rows = b.rows;
        this.events = b.events;
        this.omitted = b.omitted;
        this.confLevel = b.confLevel;
        this.ties = b.ties;
        this.baseline = b.baseline;
        this.warnings = b.warnings;
        this.infinite = b.infinite;
        this.stratified = b.stratified;
        this.passes = b.passes;
        this.nanos = b.nanos;
    }

    private static final class Builder {
        List<String> terms;
        List<String> columns;
        double[] coef;
        double[] var;
        double[] naiveVar;
        boolean robust;
        double[] means;
        double loglikNull;
        double loglik;
        ChiSquareTest lrt;
        ChiSquareTest wald;
        ChiSquareTest score;
        int iterations;
        boolean converged;
        long rows;
        long events;
        long omitted;
        double confLevel;
        TieMethod ties;
        BaselineHazard baseline;
        List<String> warnings;
        List<String> infinite;
        boolean stratified;
        int passes;
        long nanos;
    }

    /** Back to the original coordinates, R's singular-column rule, the tests and checks (as core's CoxResult). */
    static SparkCoxResult of(SparkCox f, CoxNewtonRaphson.Fit fit, long nanos) {
        int p = f.columnNames().size();
        double[] sc = f.scale();
        Builder b = new Builder();
        b.terms = List.copyOf(f.terms());
        b.columns = List.copyOf(f.columnNames());
        double[] coef = new double[p];
        double[] u = new double[p];
        double[] var = new double[p * p];
        for (int i = 0; i < p; i++) {
            coef[i] = fit.beta()[i] * sc[i];
            u[i] = fit.score()[i] / sc[i];
            for (int j = 0; j < p; j++) {
                var[i * p + j] = fit.inverseInformation()[i * p + j] * sc[i] * sc[j];
            }
        }
        List<String> warn = new ArrayList<>();
        if (fit.rank() < p) {
            List<String> names = new ArrayList<>();
            for (int j = 0; j < p; j++) {
                if (var[j * p + j] == 0) {
                    coef[j] = Double.NaN;
                    names.add(b.columns.get(j));
                }
            }
            if (!names.isEmpty()) {
                warn.add("X matrix deemed to be singular: no coefficient for " + names
                        + " (the column is constant or a combination of other columns); remove it from the model");
            }
        }
        int df = 0;
        for (double v : coef) {
            df += Double.isNaN(v) ? 0 : 1;
        }
        b.coef = coef;
        b.naiveVar = var;
        b.var = var;
        SparkRobustVariance.Sums rs = f.robustSums();
        b.robust = rs != null;
        b.score = ChiSquareTest.of(fit.scoreTest(), df);
        if (rs != null) {
            // core's sandwich V (S'S) V (R coxph: D'D, D = S V) and robust score test (R fit$rscore)
            b.var = CoxScoreResiduals.sandwich(var, rs.scores(), p);
            b.score = ChiSquareTest.of(CoxScoreResiduals.robustScoreTest(rs.startScores(), rs.startScoreSum(), p), df);
        }
        b.confLevel = f.procedure().confidenceLevel();
        b.means = f.means().clone();
        b.loglikNull = fit.logLikelihoodNull();
        b.loglik = fit.logLikelihood();
        b.lrt = ChiSquareTest.of(2 * (fit.logLikelihood() - fit.logLikelihoodNull()), df);
        b.wald = CoxCoefficients.of(coef, var, rs == null ? null : b.var, b.confLevel)
                .waldTest(f.procedure().initialCoefficients().orElse(null));
        b.iterations = fit.iterations();
        b.converged = fit.converged();
        b.infinite = CoxConvergence.check(u, var, coef, fit.converged(), () -> f.maxLinearPredictor(fit.beta()),
                b.columns.toArray(new String[0]), f.procedure(), f.roles().startColumnOrNull() != null, warn);
        if (rs == null && f.roles().clusterColumnOrNull() != null) {
            warn.add("the cluster column is ignored for the variance because the model-based variance was requested;"
                    + " use CoxVariance.ROBUST or AUTO for clustered standard errors");
        }
        if (rs == null && f.fractionalWeights()) {
            warn.add("non-integer case weights with the model-based variance: the standard errors treat weights as"
                    + " replication counts; use CoxVariance.ROBUST (R's default here)");
        }
        b.rows = f.rows();
        b.events = f.events();
        b.omitted = f.omitted();
        b.confLevel = f.procedure().confidenceLevel();
        b.ties = f.procedure().ties();
        b.baseline = f.lastSums().baselineHazard(b.ties, coef, f.means(), f.strata());
        b.stratified = f.roles().strataColumnOrNull() != null;
        b.warnings = Collections.unmodifiableList(warn);
        b.passes = f.passes();
        b.nanos = nanos;
        return new SparkCoxResult(b);
    }

    /** Covariate terms as given (R's term labels). */
    public List<String> terms() {
        return terms;
    }

    /** Model-matrix column names (R {@code names(coef(fit))}): numeric terms, then factor dummies {@code <column><level>}. */
    public List<String> columnNames() {
        return columns;
    }

    /** Coefficients (NaN for a redundant column, R's NA). */
    public double[] coefficients() {
        return coef.clone();
    }

    /** Model-based standard errors (R {@code se(coef)}; 0 for a redundant column, as R). */
    public double[] standardErrors() {
        return table.standardErrors();
    }

    /** {@return robust standard errors (R {@code robust se}), empty when the variance is model-based} */
    public Optional<double[]> robustStandardErrors() {
        return table.robustStandardErrors();
    }

    /** True when the reported variance is the robust (sandwich) one. */
    public boolean isRobust() {
        return table.isRobust();
    }

    /** The standard errors of the intervals, z and p: robust when robust, else model-based. */
    public double[] reportedStandardErrors() {
        return table.reportedStandardErrors();
    }

    /** Hazard ratios {@code exp(coef)}. */
    public double[] hazardRatios() {
        return table.hazardRatios();
    }

    /** Lower confidence limits of the hazard ratios, {@code exp(coef - z se)}. */
    public double[] hazardRatioLower() {
        return table.hazardRatioLower();
    }

    /** Upper confidence limits of the hazard ratios, {@code exp(coef + z se)}. */
    public double[] hazardRatioUpper() {
        return table.hazardRatioUpper();
    }

    /** Wald z statistics {@code coef / se} (robust se when robust). */
    public double[] zStatistics() {
        return table.zStatistics();
    }

    /** Two-sided p-values of the z statistics. */
    public double[] pValues() {
        return table.pValues();
    }

    /** The coefficient table (core's: standard errors, hazard ratios and intervals, z, p) as one value. */
    public CoxCoefficients coefficientTable() {
        return table;
    }

    /** The reported variance matrix (R {@code fit$var}): robust when robust, else the inverse information. */
    public double[][] variance() {
        int p = coef.length;
        double[][] v = new double[p][p];
        for (int i = 0; i < p; i++) {
            System.arraycopy(var, i * p, v[i], 0, p);
        }
        return v;
    }

    /** Centring of each column (weighted means; 0 for 0/±1 columns, as core). */
    public double[] means() {
        return means.clone();
    }

    /** Log partial likelihood at beta = 0. */
    public double logLikelihoodNull() {
        return loglikNull;
    }

    /** Log partial likelihood at the estimate. */
    public double logLikelihood() {
        return loglik;
    }

    /** Likelihood-ratio test. */
    public ChiSquareTest likelihoodRatioTest() {
        return lrt;
    }

    /** Wald test. */
    public ChiSquareTest waldTest() {
        return wald;
    }

    /** Score (log-rank) test at beta = 0. */
    public ChiSquareTest scoreTest() {
        return score;
    }

    /** Newton-Raphson iterations (R {@code fit$iter}). */
    public int iterations() {
        return iterations;
    }

    /** True when the log-likelihood converged. */
    public boolean converged() {
        return converged;
    }

    /** Rows used. */
    public long size() {
        return rows;
    }

    /** Event rows. */
    public long events() {
        return events;
    }

    /** Rows left out for missing values. */
    public long omittedRows() {
        return omitted;
    }

    /** Tie handling. */
    public TieMethod tieMethod() {
        return ties;
    }

    /** Confidence level of the intervals. */
    public double confidenceLevel() {
        return confLevel;
    }

    /** Baseline cumulative hazard at covariates 0 (R {@code basehaz(fit, centered = FALSE)}). */
    public BaselineHazard baselineHazard() {
        return baseline;
    }

    /** Columns whose coefficient may be infinite (monotone likelihood). */
    public List<String> possiblyInfinite() {
        return infinite;
    }

    /** Warnings a user can act on. */
    public List<String> warnings() {
        return warnings;
    }

    /** Distributed passes over the data the fit took (design passes plus one per evaluation). */
    public int passes() {
        return passes;
    }

    /** Wall time of the Newton-Raphson (all its passes), nanoseconds. */
    public long iterationNanos() {
        return nanos;
    }

    /**
     * The core Cox export's fields (the oracle's names): nOmitted, terms, coef, se, robustSe (null),
     * hr, hrLower, hrUpper, z, p, loglikNull, loglik, lrt, wald, score, concordance and
     * concordanceSe (null: not offered on Spark), n, events, iterations, converged, baseline,
     * warnings.
     */
    @Override
    public void writeJson(Appendable out) {
        JsonWriter w = new JsonWriter(out);
        w.beginObject().name("nOmitted").value(omitted).name("terms").array(columns).name("coef").array(coef)
                .name("se").array(standardErrors()).name("robustSe");
        if (table.isRobust()) {
            w.array(robustStandardErrors().orElseThrow());
        } else {
            w.nullValue();
        }
        w.name("hr").array(hazardRatios())
                .name("hrLower").array(hazardRatioLower()).name("hrUpper").array(hazardRatioUpper())
                .name("z").array(zStatistics()).name("p").array(pValues()).name("loglikNull").value(loglikNull)
                .name("loglik").value(loglik);
        test(w.name("lrt"), lrt);
        test(w.name("wald"), wald);
        test(w.name("score"), score);
        w.name("concordance").nullValue().name("concordanceSe").nullValue().name("n").value(rows)
                .name("events").value(events).name("iterations").value(iterations).name("converged").value(converged);
        w.name("baseline").beginObject().column("time", baseline.size(), baseline::time)
                .column("cumhaz", baseline.size(), baseline::cumulativeHazard).name("strata");
        if (stratified) {
            w.array(baseline.strata().orElseThrow());
        } else {
            w.nullValue();
        }
        w.endObject().nonEmpty("warnings", warnings).endObject();
    }

    private static void test(JsonWriter w, ChiSquareTest t) {
        w.beginObject().name("chisq").value(t.statistic()).name("df").value(t.degreesOfFreedom())
                .name("p").value(t.pValue()).endObject();
    }

    /** One row per coefficient: term, coef, se, robustSe (empty), hr, hrLower, hrUpper, z, p (as core's Cox table). */
    @Override
    public Table table() {
        Table.Builder b = Table.builder().textColumn("term").numberColumn("coef").numberColumn("se")
                .numberColumn("robustSe").numberColumn("hr").numberColumn("hrLower").numberColumn("hrUpper")
                .numberColumn("z").numberColumn("p");
        double[] se = standardErrors();
        double[] rse = robustStandardErrors().orElse(null);
        double[] hr = hazardRatios();
        double[] lo = hazardRatioLower();
        double[] hi = hazardRatioUpper();
        double[] z = zStatistics();
        double[] p = pValues();
        for (int i = 0; i < coef.length; i++) {
            b.text(columns.get(i)).number(coef[i]).number(se[i]).number(rse == null ? Double.NaN : rse[i]).number(hr[i])
                    .number(lo[i])
                    .number(hi[i]).number(z[i]).number(p[i]);
        }
        return b.build();
    }

    /** The hazard-ratio table, like R's {@code summary(coxph)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "  n= %d, number of events= %d%n", rows, events));
        if (omitted > 0) {
            sb.append(String.format(Locale.ROOT, "   (%d observations deleted due to missingness)%n", omitted));
        }
        sb.append(String.format(Locale.ROOT, "%n%-16s %12s %12s %12s %10s %12s%n", "", "coef", "exp(coef)",
                "se(coef)", "z", "Pr(>|z|)"));
        double[] se = standardErrors();
        double[] hr = hazardRatios();
        double[] z = zStatistics();
        double[] pv = pValues();
        for (int j = 0; j < coef.length; j++) {
            sb.append(String.format(Locale.ROOT, "%-16s %12.6g %12.6g %12.6g %10.4g %12.4g%n", columns.get(j), coef[j],
                    hr[j], se[j], z[j], pv[j]));
        }
        sb.append(String.format(Locale.ROOT, "%nLikelihood ratio test= %.6g  on %d df,   p=%.4g%n", lrt.statistic(),
                lrt.degreesOfFreedom(), lrt.pValue()));
        sb.append(String.format(Locale.ROOT, "Wald test            = %.6g  on %d df,   p=%.4g%n", wald.statistic(),
                wald.degreesOfFreedom(), wald.pValue()));
        sb.append(String.format(Locale.ROOT, "Score (logrank) test = %.6g  on %d df,   p=%.4g%n", score.statistic(),
                score.degreesOfFreedom(), score.pValue()));
        for (String w : warnings) {
            sb.append("Warning: ").append(w).append('\n');
        }
        return sb.toString();
    }

}
