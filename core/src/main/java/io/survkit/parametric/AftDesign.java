package io.survkit.parametric;

import io.survkit.data.Factor;
import io.survkit.data.ModelFrame;
import io.survkit.internal.Check;
import java.util.ArrayList;
import java.util.List;

/**
 * A survreg model's data on primitive arrays, in data order: the model matrix with an intercept
 * (R's {@code model.matrix}: numeric columns, factor dummies against the reference level), the
 * response on the model's scale (log time for the log-time distributions), R's status codes,
 * weights, 0-based strata and clusters. When some column other than the intercept is not all 0/1
 * the columns are centred at their (unweighted) means and divided by their standard deviations
 * (R {@code survreg.fit}'s rescaling); {@link #center} and {@link #stdev} undo it.
 */
final class AftDesign {
    final int n;
    final int nvar;
    final List<String> columnNames;
    /** Model matrix, row-major, rescaled: {@code x[i * nvar + j]}. */
    final double[] x;
    final double[] center;
    final double[] stdev;
    final boolean rescaled;
    final double[] y1;
    final double[] y2;
    final byte[] status;
    /** Entry times on the model's scale (-Infinity = from the start), or null without delayed entry. */
    final double[] entry;
    final double[] weight;
    final boolean weighted;
    final int[] stratum;
    final List<String> strataNames;
    final int[] cluster;
    final int clusterCount;
    /** R's {@code logcorrect}: the weighted sum of log(dg^-1/dt) = -log t over exact rows (log-time models). */
    final double logCorrection;
    final int events;
    final int omitted;
    /** The model terms' design columns and factor levels, for new subjects' rows. */
    final List<ModelFrame.TermSpan> spans;

    private AftDesign(Builder b) {
        this.n = b.n;
        this.nvar = b.nvar;
        this.columnNames = List.copyOf(b.columnNames);
        this.x = b.x;
        this.center = b.center;
        this.stdev = b.stdev;
        this.rescaled = b.rescaled;
        this.y1 = b.y1;
        this.y2 = b.y2;
        this.status = b.status;
        this.entry = b.entry;
        this.weight = b.weight;
        this.weighted = b.weighted;
        this.stratum = b.stratum;
        this.strataNames = b.strataNames;
        this.cluster = b.cluster;
        this.clusterCount = b.clusterCount;
        this.logCorrection = b.logCorrection;
        this.events = b.events;
        this.omitted = b.omitted;
        this.spans = b.spans;
    }

    private static final class Builder {
        int n;
        int nvar;
        List<String> columnNames = new ArrayList<>();
        double[] x;
        double[] center;
        double[] stdev;
        boolean rescaled;
        double[] y1;
        double[] y2;
        byte[] status;
        double[] entry;
        double[] weight;
        boolean weighted;
        int[] stratum;
        List<String> strataNames = List.of();
        int[] cluster;
        int clusterCount;
        double logCorrection;
        int events;
        int omitted;
        List<ModelFrame.TermSpan> spans = List.of();
    }

    int strataCount() {
        return stratum == null ? 1 : strataNames.size();
    }

    /** Original (unscaled) model-matrix entry. */
    double original(int i, int j) {
        return x[i * nvar + j] * stdev[j] + center[j];
    }

    /**
     * The design of {@code data}'s covariates, strata, weights and cluster with an
     * interval-censored response (lower, upper; NaN = open end) in place of its time and event:
     * R's {@code Surv(lower, upper, type = "interval2")}.
     */
    static AftDesign intervals(ModelFrame frame, Distribution dist, double[] lower, double[] upper,
            String lowerName, String upperName) {
        AftDesign d = of(frame, dist);
        double[] y1 = new double[d.n];
        double[] y2 = new double[d.n];
        byte[] status = new byte[d.n];
        intervalResponse(y1, y2, status, lower, upper, dist, lowerName, upperName, frame.sourceRows());
        Builder b = d.builder();
        b.y1 = y1;
        b.y2 = y2;
        b.status = status;
        b.events = 0;
        double lc = 0;
        for (int i = 0; i < d.n; i++) {
            if (status[i] == AftKernel.EXACT) {
                b.events++;
                lc -= dist.isLogTime() ? d.weight[i] * y1[i] : 0;
            }
        }
        b.logCorrection = lc;
        return new AftDesign(b);
    }

    /** A builder holding this design's parts (for a variant with another response). */
    private Builder builder() {
        Builder b = new Builder();
        b.n = n;
        b.nvar = nvar;
        b.columnNames = new ArrayList<>(columnNames);
        b.x = x;
        b.center = center;
        b.stdev = stdev;
        b.rescaled = rescaled;
        b.y1 = y1;
        b.y2 = y2;
        b.status = status;
        b.entry = entry;
        b.weight = weight;
        b.weighted = weighted;
        b.stratum = stratum;
        b.strataNames = strataNames;
        b.cluster = cluster;
        b.clusterCount = clusterCount;
        b.logCorrection = logCorrection;
        b.events = events;
        b.omitted = omitted;
        b.spans = spans;
        return b;
    }

    static AftDesign of(ModelFrame frame, Distribution dist) {
        Builder b = new Builder();
        int n = frame.rowCount();
        b.n = n;
        b.omitted = frame.omittedRows();
        if (frame.causes().size() > 1) {
            throw Check.fail("column '%s' holds %d event causes %s; a parametric model needs one event type",
                    frame.eventColumn(), frame.causes().size(), frame.causes());
        }
        response(b, frame, dist);
        if (frame.hasStart()) {
            entry(b, frame, dist);
        }
        design(b, frame);
        weights(b, frame, dist.isLogTime());
        strata(b, frame, dist);
        frame.cluster().ifPresent(cl -> {
            b.cluster = cl.codes();
            b.clusterCount = cl.levelCount();
        });
        return new AftDesign(b);
    }

    private static void response(Builder b, ModelFrame frame, Distribution dist) {
        int n = b.n;
        b.y1 = new double[n];
        b.status = new byte[n];
        for (int i = 0; i < n; i++) {
            boolean event = frame.isEvent(i);
            b.status[i] = event ? AftKernel.EXACT : AftKernel.RIGHT;
            if (event) {
                b.events++;
            }
            b.y1[i] = scale(frame.time(i), dist, frame.timeColumn(), frame.sourceRow(i));
        }
    }

    /**
     * Interval-censored response as R's {@code Surv(lower, upper, type = "interval2")}: lower
     * missing (NaN) = left censored at upper; upper missing = right censored at lower; equal =
     * exact; else censored in (lower, upper]. For the log-time distributions a lower bound of 0 is
     * left censoring (R survreg). Rows with both bounds missing must have been left out.
     */
    static void intervalResponse(double[] y1, double[] y2, byte[] status, double[] lower, double[] upper,
            Distribution dist, String lowerName, String upperName, int[] sourceRows) {
        for (int i = 0; i < lower.length; i++) {
            double l = lower[i];
            double u = upper[i];
            boolean lo = !Double.isNaN(l);
            boolean up = !Double.isNaN(u);
            if (lo && up && l > u) {
                throw Check.fail("%s: lower bound %s is above the upper bound %s in column '%s'",
                        Check.at(lowerName, sourceRows[i]), l, u, upperName);
            }
            if (lo && up && l == u) {
                status[i] = AftKernel.EXACT;
                y1[i] = scale(l, dist, lowerName, sourceRows[i]);
            } else if (!lo || dist.isLogTime() && l == 0) {
                status[i] = AftKernel.LEFT;
                y1[i] = scale(u, dist, upperName, sourceRows[i]);
            } else if (!up) {
                status[i] = AftKernel.RIGHT;
                y1[i] = scale(l, dist, lowerName, sourceRows[i]);
            } else {
                status[i] = AftKernel.INTERVAL;
                y1[i] = scale(l, dist, lowerName, sourceRows[i]);
                y2[i] = scale(u, dist, upperName, sourceRows[i]);
            }
        }
    }

    private static double scale(double t, Distribution dist, String column, int row) {
        if (dist.isLogTime()) {
            if (!(t > 0 && t < Double.POSITIVE_INFINITY)) {
                throw Check.fail("%s: time %s is invalid for the %s distribution; expected a finite time > 0",
                        Check.at(column, row), t, dist.optionName());
            }
            return Math.log(t);
        }
        if (!Double.isFinite(t)) {
            throw Check.fail("%s: time %s is not finite", Check.at(column, row), t);
        }
        return t;
    }

    /**
     * Delayed entry: the entry time on the model's scale; an entry at or before time 0 of a
     * log-time model (S = 1 there) is no truncation.
     */
    private static void entry(Builder b, ModelFrame frame, Distribution dist) {
        b.entry = new double[b.n];
        for (int i = 0; i < b.n; i++) {
            double s = frame.start(i);
            if (!(s < frame.time(i))) {
                throw Check.fail("%s: entry time %s is not before the exit time %s",
                        frame.rowLocation(frame.startColumn().orElse("start"), i), s, frame.time(i));
            }
            b.entry[i] = !dist.isLogTime() ? s : s > 0 ? Math.log(s) : Double.NEGATIVE_INFINITY;
        }
    }

    /**
     * The log-likelihood of T at parameters {@code theta = (b, log sigma...)} on the original
     * covariate scale (for checks of the score and information by numerical differentiation).
     */
    double logLikelihood(double[] theta, Distribution dist) {
        int nstrat2 = dist.hasFixedScale() ? 0 : strataCount();
        double[] beta = new double[nvar + Math.max(nstrat2, 1)];
        beta[0] = theta[0];
        for (int j = 1; j < nvar; j++) { // x'b = (b0 + sum c_j b_j) + sum x_scaled_j (sd_j b_j)
            beta[j] = theta[j] * stdev[j];
            beta[0] += theta[j] * center[j];
        }
        for (int s = 0; s < Math.max(nstrat2, 1); s++) {
            beta[nvar + s] = nstrat2 == 0 ? Math.log(dist.fixedScale()) : theta[nvar + s];
        }
        int np = nvar + nstrat2;
        return kernel(x, nvar, nstrat2, dist.error()).evaluate(beta, new double[np], new double[np * np], null)
                + logCorrection;
    }

    /** The kernel of this design with model matrix {@code x} ({@code nvar} columns) and {@code nstrat} scales. */
    AftKernel kernel(double[] xs, int p, int nstrat, ErrorDistribution err) {
        return new AftKernel(xs, p, y1, y2, status, weight, stratum, entry, nstrat, err);
    }

    /** R's model matrix: the intercept, then the frame's design columns (finite: the frame checks). */
    private static void design(Builder b, ModelFrame frame) {
        int n = b.n;
        b.spans = frame.termSpans();
        b.columnNames.add("(Intercept)");
        b.columnNames.addAll(frame.columnNames());
        int p = b.columnNames.size();
        b.nvar = p;
        double[] x = new double[n * p];
        for (int i = 0; i < n; i++) {
            x[i * p] = 1;
        }
        for (int j = 1; j < p; j++) {
            double[] col = frame.column(j - 1);
            for (int i = 0; i < n; i++) {
                x[i * p + j] = col[i];
            }
        }
        b.x = x;
        rescale(b);
    }

    /** R survreg.fit: centre and scale every column that is not all 0/1, if any is not. */
    private static void rescale(Builder b) {
        int n = b.n;
        int p = b.nvar;
        double[] x = b.x;
        b.center = new double[p];
        b.stdev = new double[p];
        java.util.Arrays.fill(b.stdev, 1);
        boolean[] zeroOne = new boolean[p];
        java.util.Arrays.fill(zeroOne, true);
        for (int i = 0; i < n; i++) {
            for (int j = 1; j < p; j++) {
                double v = x[i * p + j];
                if (v != 0 && v != 1) {
                    zeroOne[j] = false;
                }
            }
        }
        boolean any = false;
        for (int j = 1; j < p; j++) {
            any |= !zeroOne[j];
        }
        if (p == 1 || !any) {
            return;
        }
        b.rescaled = true;
        for (int j = 1; j < p; j++) {
            if (zeroOne[j]) {
                continue;
            }
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += x[i * p + j];
            }
            double mean = s / n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double d = x[i * p + j] - mean;
                ss += d * d;
            }
            double sd = Math.sqrt(ss / (n - 1));
            if (!(sd > 0)) {
                throw Check.fail("covariate column '%s' is constant (%s in every row); it cannot be estimated"
                        + " beside the intercept", b.columnNames.get(j), mean);
            }
            b.center[j] = mean;
            b.stdev[j] = sd;
            for (int i = 0; i < n; i++) {
                x[i * p + j] = (x[i * p + j] - mean) / sd;
            }
        }
    }

    private static void weights(Builder b, ModelFrame frame, boolean logTime) {
        b.weight = new double[b.n];
        b.weighted = frame.hasWeights();
        for (int i = 0; i < b.n; i++) {
            double w = frame.weight(i);
            if (!(w > 0 && w < Double.POSITIVE_INFINITY)) {
                throw Check.fail("%s: case weight %s is invalid; expected a finite weight > 0 (R survreg)",
                        frame.rowLocation(frame.weightsColumn().orElse("weights"), i), w);
            }
            b.weight[i] = w;
        }
        double lc = 0;
        for (int i = 0; i < b.n && logTime; i++) {
            if (b.status[i] == AftKernel.EXACT) {
                lc -= b.weight[i] * b.y1[i]; // y1 = log t
            }
        }
        b.logCorrection = lc;
    }

    /** One scale per stratum, named by R's strata labels (a text column's bare level, else {@code col=value}). */
    private static void strata(Builder b, ModelFrame frame, Distribution dist) {
        if (frame.strata().isEmpty()) {
            return;
        }
        Factor s = frame.strata().get();
        if (dist.hasFixedScale()) {
            throw Check.fail("the %s distribution fixes the scale at 1, so there is no scale per stratum of '%s'"
                    + " (R: \"The scale argument is not valid with multiple strata\")", dist.optionName(), s.name());
        }
        int k = s.levelCount();
        if (k == 1) {
            return; // R: one stratum is one scale, unnamed
        }
        int[] count = new int[k];
        for (int i = 0; i < b.n; i++) {
            count[s.code(i)]++;
        }
        for (int c = 0; c < k; c++) {
            if (count[c] == 0) {
                throw Check.fail("stratum '%s' of column '%s' has no rows; its scale cannot be estimated", s.label(c),
                        s.name());
            }
        }
        b.stratum = s.codes();
        b.strataNames = s.labels();
    }

}
