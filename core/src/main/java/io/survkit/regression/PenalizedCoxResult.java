package io.survkit.regression;

import io.survkit.data.PenalizedSplineBasis;
import io.survkit.internal.Cholesky;
import io.survkit.internal.Tolerances;
import io.survkit.internal.JsonWriter;
import io.survkit.internal.Probabilities;
import io.survkit.internal.RFormat;
import io.survkit.table.Exportable;
import io.survkit.table.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A penalized Cox fit (R class {@code coxph.penal}): the coefficients of the model columns (the
 * P-spline columns {@code ps(x)3}, ... and the ordinary covariates; a frailty's per-cluster effects
 * apart, {@link #frailties()}), the variance {@code var} (inverse of the penalized information) and
 * {@code var2} (the sandwich {@code H^-1 I H^-1}), the effective degrees of freedom of each term,
 * the log partial likelihoods (null and at the estimate, without the penalty), the penalty, the
 * iterations (outer, Newton-Raphson) and R's printed table ({@link #rows()}: coef, se(coef), se2,
 * Chisq, DF, p; a P-spline as its linear and non-linear parts, a frailty as one chi-square).
 *
 * <pre>{@code
 * PenalizedCoxResult fit = PenalizedCoxRegression.withDefaults().fit(lung, "pspline(age, df = 4) + sex");
 * fit.degreesOfFreedom();      // R fit$df: 4.09, 1.00
 * fit.rows().get(0);           // pspline(age, df = 4), linear: coef, se, se2, Chisq, DF, p
 * }</pre>
 */
public final class PenalizedCoxResult implements Exportable {
    /**
     * One row of R's printed table ({@code print.coxph.penal}).
     *
     * @param name the row label, e.g. {@code pspline(age, df = 4), linear}, {@code frailty(id)} or {@code sex}
     * @param coefficient the coefficient (empty for a non-linear part or a frailty)
     * @param standardError {@code se(coef)} from var (empty where R prints nothing)
     * @param standardError2 {@code se2} from var2 (empty where R prints nothing)
     * @param chiSquare the Wald chi-square
     * @param degreesOfFreedom its degrees of freedom
     * @param pValue the upper chi-square tail (R uses at least 0.5 df for a non-linear part or a frailty)
     */
    public record Row(String name, OptionalDouble coefficient, OptionalDouble standardError,
            OptionalDouble standardError2, double chiSquare, double degreesOfFreedom, double pValue) {
    }

    private final TieMethod ties;
    private final int n;
    private final int events;
    private final int omitted;
    private final String[] names;
    private final double[] coef;
    private final double[] var;
    private final double[] var2;
    private final String[] termNames;
    private final double[] df;
    private final double loglikNull;
    private final double loglik;
    private final double penaltyFirst;
    private final double penalty;
    private final int outer;
    private final int inner;
    private final boolean converged;
    private final double[] thetas;
    private final double[] frail;
    private final double[] fvar;
    private final double iLoglik;
    private final List<Row> rows;
    private final double wald;
    private final List<String> warnings;
    private final CoxConcordance concordance;

    PenalizedCoxResult(PenalizedCoxRegression config, CoxDesign d, PenalizedCoxFit f, String[] kinds,
            List<PenalizedSplineBasis> bases, List<PenalizedCoxFit.Penalty> penalties) {
        this.ties = config.ties();
        this.n = d.subjects;
        this.events = d.events;
        this.omitted = d.omitted;
        int p = d.p;
        // the frailty's columns are reported apart (R: fit$frail, fit$fvar), the rest as coefficients
        boolean[] isFrail = new boolean[p];
        int frailTerm = -1;
        for (int t = 0; t < kinds.length; t++) {
            if (kinds[t].equals("frailty")) {
                frailTerm = t;
                for (int c : d.termColumns[t]) {
                    isFrail[c] = true;
                }
            }
        }
        int[] keep = new int[p];
        int m = 0;
        for (int j = 0; j < p; j++) {
            if (!isFrail[j]) {
                keep[m++] = j;
            }
        }
        keep = Arrays.copyOf(keep, m);
        names = new String[m];
        coef = new double[m];
        var = new double[m * m];
        var2 = new double[m * m];
        for (int a = 0; a < m; a++) {
            names[a] = d.columnNames[keep[a]];
            coef[a] = f.beta[keep[a]];
            for (int b = 0; b < m; b++) {
                var[a * m + b] = f.var[keep[a] * p + keep[b]];
                var2[a * m + b] = f.var2[keep[a] * p + keep[b]];
            }
        }
        termNames = d.termNames.clone();
        df = f.df.clone();
        loglikNull = f.loglik0;
        loglik = f.loglik1;
        penaltyFirst = f.penalty0;
        penalty = f.penalty;
        outer = f.outer;
        inner = f.inner;
        converged = f.converged && !f.innerFailed;
        thetas = new double[penalties.size()];
        double il = Double.NaN;
        double[] fr = null;
        for (int i = 0; i < thetas.length; i++) {
            PenalizedCoxFit.Penalty q = penalties.get(i);
            if (q instanceof PenalizedCoxFit.GammaFrailty g) {
                // R prints the variance of the last fit (history[nrow, 1]) and its I-likelihood
                thetas[i] = g.history.get(g.history.size() - 1)[0];
                il = g.cLoglik;
                fr = new double[g.columns.length];
                for (int k = 0; k < fr.length; k++) {
                    fr[k] = f.beta[g.columns[k]];
                }
            } else {
                thetas[i] = lastTheta((PenalizedCoxFit.SplinePenalty) q);
            }
        }
        frail = fr;
        fvar = f.fvar == null ? null : f.fvar.clone();
        iLoglik = il;
        // R's concordance of the linear predictor, frailties included (fit$linear.predictors)
        double[] bs = new double[p];
        for (int j = 0; j < p; j++) {
            bs[j] = f.beta[j] / d.scale[j];
        }
        concordance = CoxRegression.concordance(d, CoxRegression.sortedLinearPredictor(d, bs));
        wald = Cholesky.quadraticForm(var, m, coef, Tolerances.COX_CHOLESKY).statistic();
        rows = List.copyOf(rows(d, keep, kinds, bases, frailTerm));
        List<String> w = new ArrayList<>();
        if (f.innerFailed) {
            w.add("the inner Newton-Raphson iteration did not converge in some outer iteration (R: \"Inner loop"
                    + " failed to coverge\"); raise withMaxIterations");
        }
        if (!f.converged) {
            w.add("the penalty search did not settle within the outer iteration limit; raise withOuterMaxIterations");
        }
        warnings = List.copyOf(w);
    }

    /** R prints a pspline's {@code history$theta}: the control's last proposal (after the final fit). */
    private static double lastTheta(PenalizedCoxFit.SplinePenalty q) {
        return q.theta;
    }

    private List<Row> rows(CoxDesign d, int[] keep, String[] kinds, List<PenalizedSplineBasis> bases, int frailTerm) {
        List<Row> out = new ArrayList<>();
        int m = keep.length;
        int[] position = new int[d.p];
        Arrays.fill(position, -1);
        for (int a = 0; a < m; a++) {
            position[keep[a]] = a;
        }
        for (int t = 0; t < kinds.length; t++) {
            int[] cols = d.termColumns[t];
            if (kinds[t].equals("frailty")) {
                double test = 0;
                for (int k = 0; k < frail.length; k++) {
                    test += frail[k] * frail[k] / fvar[k];
                }
                out.add(new Row(termNames[t], OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                        test, df[t], Probabilities.chiSquareUpper(test, Math.max(df[t], .5))));
            } else if (kinds[t].equals("pspline")) {
                int[] idx = new int[cols.length];
                for (int k = 0; k < idx.length; k++) {
                    idx[k] = position[cols[k]];
                }
                out.addAll(splineRows(termNames[t], idx, bases.get(t).centres(), df[t]));
            } else {
                for (int c : cols) {
                    int a = position[c];
                    double v = var[a * m + a];
                    double chi = coef[a] * coef[a] / v;
                    out.add(new Row(names[a], OptionalDouble.of(coef[a]), OptionalDouble.of(Math.sqrt(v)),
                            OptionalDouble.of(Math.sqrt(var2[a * m + a])), chi, 1, Probabilities.chiSquareUpper(chi, 1)));
                }
            }
        }
        return out;
    }

    /**
     * R's pspline printfun: the linear trend is the generalised-least-squares slope of the
     * coefficients on the basis centres, {@code c = [(X'V^-1X)^-1 X'V^-1]_2}, X = (1, centres);
     * linear = c'b with variances c'Vc and c'V2c; the non-linear chi-square is the Wald test of all
     * coefficients minus the linear one, on df - 1.
     */
    private List<Row> splineRows(String term, int[] idx, double[] centres, double dfTerm) {
        int k = idx.length;
        int m = coef.length;
        double[] v = new double[k * k];
        double[] v2 = new double[k * k];
        double[] b = new double[k];
        for (int i = 0; i < k; i++) {
            b[i] = coef[idx[i]];
            for (int j = 0; j < k; j++) {
                v[i * k + j] = var[idx[i] * m + idx[j]];
                v2[i * k + j] = var2[idx[i] * m + idx[j]];
            }
        }
        double test1 = Cholesky.quadraticForm(v, k, b, Tolerances.COX_CHOLESKY).statistic();
        double[] chol = v.clone();
        Cholesky.decompose(chol, k, Tolerances.COX_CHOLESKY);
        double[] s1 = new double[k]; // V^-1 1
        double[] s2 = centres.clone(); // V^-1 centres
        Arrays.fill(s1, 1);
        Cholesky.solve(chol, k, s1);
        Cholesky.solve(chol, k, s2);
        double m11 = 0;
        double m12 = 0;
        double m22 = 0;
        for (int i = 0; i < k; i++) {
            m11 += s1[i];
            m12 += s2[i];
            m22 += centres[i] * s2[i];
        }
        // row 2 of M^-1 (xsig)' through R's cholesky solve of the 2 x 2 M
        double[] mm = {m11, m12, m12, m22};
        Cholesky.decompose(mm, 2, Tolerances.COX_CHOLESKY);
        double[] c = new double[k];
        for (int i = 0; i < k; i++) {
            double[] col = {s1[i], s2[i]};
            Cholesky.solve(mm, 2, col);
            c[i] = col[1];
        }
        double linear = 0;
        for (int i = 0; i < k; i++) {
            linear += c[i] * b[i];
        }
        double lvar1 = quad(c, v, k);
        double lvar2 = quad(c, v2, k);
        double test2 = linear * linear / lvar1;
        List<Row> r = new ArrayList<>();
        r.add(new Row(term + ", linear", OptionalDouble.of(linear), OptionalDouble.of(Math.sqrt(lvar1)),
                OptionalDouble.of(Math.sqrt(lvar2)), test2, 1, Probabilities.chiSquareUpper(test2, 1)));
        r.add(new Row(term + ", nonlin", OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                test1 - test2, dfTerm - 1, Probabilities.chiSquareUpper(test1 - test2, Math.max(.5, dfTerm - 1))));
        return r;
    }

    private static double quad(double[] c, double[] v, int k) {
        double s = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                s += c[i] * v[i * k + j] * c[j];
            }
        }
        return s;
    }

    /** @return the tie handling used */
    public TieMethod tieMethod() {
        return ties;
    }

    /** @return rows used (R {@code fit$n}) */
    public int size() {
        return n;
    }

    /** @return event rows (R {@code fit$nevent}) */
    public int events() {
        return events;
    }

    /** @return rows left out for missing values */
    public int omittedRows() {
        return omitted;
    }

    /** @return the coefficient names (R {@code names(coef(fit))}), frailty columns excluded */
    public List<String> terms() {
        return List.of(names);
    }

    /** @return the coefficients (R {@code coef(fit)}) */
    public double[] coefficients() {
        return coef.clone();
    }

    /** @return R's {@code fit$var}: the inverse of the penalized information, over the coefficients */
    public double[][] variance() {
        return matrix(var);
    }

    /** @return R's {@code fit$var2}: {@code H^-1 I H^-1}, I the information without the penalty */
    public double[][] variance2() {
        return matrix(var2);
    }

    /** @return standard errors from {@code var} (R's {@code se(coef)}) */
    public double[] standardErrors() {
        return diagonalRoot(var);
    }

    /** @return standard errors from {@code var2} (R's {@code se2}) */
    public double[] standardErrors2() {
        return diagonalRoot(var2);
    }

    /** @return the model terms, in order (R {@code names(fit$pterms)}) */
    public List<String> termNames() {
        return List.of(termNames);
    }

    /** @return effective degrees of freedom per term (R {@code fit$df}) */
    public double[] degreesOfFreedom() {
        return df.clone();
    }

    /** @return log partial likelihood at 0 (R {@code fit$loglik[1]}) */
    public double logLikelihoodNull() {
        return loglikNull;
    }

    /** @return log partial likelihood at the estimate, without the penalty (R {@code fit$loglik[2]}) */
    public double logLikelihood() {
        return loglik;
    }

    /** @return the penalty after the first outer iteration and at the end (R {@code fit$penalty}) */
    public double[] penalties() {
        return new double[] {penaltyFirst, penalty};
    }

    /** @return outer iterations (R {@code fit$iter[1]}) */
    public int outerIterations() {
        return outer;
    }

    /** @return Newton-Raphson iterations over all outer iterations (R {@code fit$iter[2]}) */
    public int iterations() {
        return inner;
    }

    /** @return true when the penalty search and every inner fit converged */
    public boolean converged() {
        return converged;
    }

    /** @return each penalized term's final theta (R's {@code Theta=} or {@code Variance of random effect=}) */
    public double[] thetas() {
        return thetas.clone();
    }

    /** @return the frailty variance (R's "Variance of random effect"), or empty without a frailty */
    public OptionalDouble frailtyVariance() {
        if (frail == null) {
            return OptionalDouble.empty();
        }
        for (int i = 0; i < thetas.length; i++) {
            if (!Double.isNaN(iLoglik)) {
                return OptionalDouble.of(thetas[thetas.length - 1]);
            }
        }
        return OptionalDouble.empty();
    }

    /** @return the frailty estimates per cluster (R {@code fit$frail}), empty without a frailty */
    public double[] frailties() {
        return frail == null ? new double[0] : frail.clone();
    }

    /** @return their variances (R {@code fit$fvar}), empty without a frailty */
    public double[] frailtyVariances() {
        return fvar == null ? new double[0] : fvar.clone();
    }

    /** @return the I-likelihood R prints beside the frailty variance, or empty without a frailty */
    public OptionalDouble integratedLogLikelihood() {
        return Double.isNaN(iLoglik) ? OptionalDouble.empty() : OptionalDouble.of(iLoglik);
    }

    /** @return R's printed table */
    public List<Row> rows() {
        return rows;
    }

    /** @return the Wald statistic {@code b' var^-1 b} (R {@code fit$wald.test}) */
    public double waldStatistic() {
        return wald;
    }

    /** @return the likelihood-ratio statistic {@code 2 (loglik - loglik null)} */
    public double likelihoodRatioStatistic() {
        return 2 * (loglik - loglikNull);
    }

    /** @return its degrees of freedom as R prints and uses them: {@code round(sum(df), 2)} */
    public double likelihoodRatioDegreesOfFreedom() {
        double s = 0;
        for (double v : df) {
            s += v;
        }
        return Math.rint(s * 100) / 100;
    }

    /** @return its p-value */
    public double likelihoodRatioPValue() {
        return Probabilities.chiSquareUpper(likelihoodRatioStatistic(), likelihoodRatioDegreesOfFreedom());
    }

    /** @return Harrell's concordance of the linear predictor (R {@code fit$concordance}) */
    public CoxConcordance concordance() {
        return concordance;
    }

    /** @return warnings (non-convergence) */
    public List<String> warnings() {
        return warnings;
    }

    private double[][] matrix(double[] v) {
        int m = coef.length;
        double[][] r = new double[m][m];
        for (int i = 0; i < m; i++) {
            r[i] = Arrays.copyOfRange(v, i * m, (i + 1) * m);
        }
        return r;
    }

    private double[] diagonalRoot(double[] v) {
        int m = coef.length;
        double[] r = new double[m];
        for (int i = 0; i < m; i++) {
            r[i] = Math.sqrt(v[i * m + i]);
        }
        return r;
    }

    /** Like R's {@code print(fit)} for a penalized Cox model (numbers to 3 significant digits). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        String[][] cells = new String[rows.size() + 1][];
        cells[0] = new String[] {"", "coef", "se(coef)", "se2", "Chisq", "DF", "p"};
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String label = r.name().length() > 25 ? r.name().substring(0, 25) : r.name();
            cells[i + 1] = new String[] {label, opt(r.coefficient()), opt(r.standardError()),
                    opt(r.standardError2()), RFormat.signif(r.chiSquare(), 5),
                    RFormat.fixed(r.degreesOfFreedom(), 2), RFormat.signif(r.pValue(), 3)};
        }
        sb.append(RFormat.coefficientTable(cells, false));
        sb.append('\n').append("Iterations: ").append(outer).append(" outer, ").append(inner)
                .append(" Newton-Raphson\n");
        for (int i = 0; i < thetas.length; i++) {
            if (frail != null && i == thetas.length - 1) {
                sb.append("     Variance of random effect= ").append(RFormat.signif(thetas[i], 7))
                        .append("   I-likelihood = ").append(RFormat.fixed(iLoglik, 1)).append('\n');
            } else {
                sb.append("     Theta= ").append(RFormat.signif(thetas[i], 7)).append('\n');
            }
        }
        sb.append("Degrees of freedom for terms=");
        for (double v : df) {
            sb.append(' ').append(RFormat.fixed(v, 1));
        }
        sb.append('\n').append(String.format(Locale.ROOT, "Likelihood ratio test=%s  on %s df, p=%s%n",
                RFormat.signif(likelihoodRatioStatistic(), 4), RFormat.signif(likelihoodRatioDegreesOfFreedom(), 4),
                RFormat.signif(likelihoodRatioPValue(), 2)));
        sb.append("n= ").append(n).append(", number of events= ").append(events).append(" \n");
        if (omitted > 0) {
            sb.append("   (").append(omitted).append(" observation").append(omitted > 1 ? "s" : "")
                    .append(" deleted due to missingness)\n");
        }
        return sb.toString();
    }

    private static String opt(OptionalDouble v) {
        return v.isPresent() ? RFormat.signif(v.getAsDouble(), 3) : "";
    }

    @Override
    public void writeJson(Appendable out) {
        JsonWriter w = new JsonWriter(out);
        w.beginObject().name("nOmitted").value(omitted).name("terms").array(List.of(names)).name("coef").array(coef)
                .name("se").array(standardErrors()).name("se2").array(standardErrors2()).name("var")
                .matrix(variance()).name("var2").matrix(variance2()).name("termNames").array(List.of(termNames))
                .name("df").array(df).name("loglikNull").value(loglikNull).name("loglik").value(loglik)
                .name("penalty").array(penalties()).name("outerIterations").value(outer).name("iterations")
                .value(inner).name("theta").array(thetas).name("table").beginArray();
        for (Row r : rows) {
            w.beginObject().name("name").value(r.name()).name("coef").value(r.coefficient()).name("se")
                    .value(r.standardError()).name("se2").value(r.standardError2()).name("chisq").value(r.chiSquare())
                    .name("df").value(r.degreesOfFreedom()).name("p").value(r.pValue()).endObject();
        }
        w.endArray().name("wald").beginObject().name("chisq").value(wald).endObject().name("lrt").beginObject()
                .name("chisq").value(likelihoodRatioStatistic()).name("df").value(likelihoodRatioDegreesOfFreedom())
                .name("p").value(likelihoodRatioPValue()).endObject();
        if (frail != null) {
            w.name("frail").array(frail).name("fvar").array(fvar).name("frailtyVariance").value(frailtyVariance())
                    .name("iLoglik").value(iLoglik);
        }
        w.name("concordance").value(concordance.value()).name("concordanceSe").value(concordance.standardError());
        w.name("n").value(n).name("events").value(events).name("converged").value(converged)
                .nonEmpty("warnings", warnings).endObject();
    }

    /** One row per line of R's printed table: name, coef, se, se2, chisq, df, p. */
    @Override
    public Table table() {
        Table.Builder b = Table.builder().textColumn("term").numberColumn("coef").numberColumn("se")
                .numberColumn("se2").numberColumn("chisq").numberColumn("df").numberColumn("p");
        for (Row r : rows) {
            b.text(r.name()).number(r.coefficient().orElse(Double.NaN)).number(r.standardError().orElse(Double.NaN))
                    .number(r.standardError2().orElse(Double.NaN)).number(r.chiSquare()).number(r.degreesOfFreedom())
                    .number(r.pValue());
        }
        return b.build();
    }
}
