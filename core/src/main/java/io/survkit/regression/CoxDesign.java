package io.survkit.regression;

import io.survkit.data.Factor;
import io.survkit.data.ModelFrame;
import io.survkit.internal.Check;
import io.survkit.internal.RadixSort;
import io.survkit.internal.Sorting;
import java.util.ArrayList;
import java.util.List;

/**
 * The Cox model's data, sorted once: rows ordered by (stratum, exit time) ascending, covariates as
 * a row-major matrix in that order, centred at their weighted means and scaled to mean absolute
 * deviation 1 (R {@code coxfit6}; columns whose values are all in {-1, 0, 1}, such as factor
 * dummies, are left as they are, as R's {@code nocenter = c(-1, 0, 1)}). Immutable after
 * construction; shared by the fit, its residuals and the proportional-hazards test.
 */
final class CoxDesign {
    final int n;
    final int p;
    final String[] columnNames;
    final String[] termNames;
    final int[][] termColumns;
    /** Sorted position -> row of the data. */
    final int[] order;
    /** 1-based source row (file line order) of each data row. */
    final int[] sourceRows;
    final double[] time;
    /** Entry times in sorted order, or null for right-censored data. */
    final double[] start;
    final boolean[] event;
    final double[] weight;
    final boolean weighted;
    final boolean fractionalWeights;
    /** Sorted positions of stratum s are {@code [strataStart[s], strataStart[s+1])}. */
    final int[] strataStart;
    final List<String> strataLevels;
    final String strataName;
    /** The model's terms (R {@code fit$terms}): predictions for new data resolve them again. */
    final io.survkit.data.Terms formula;
    /** Counting-process data: sorted positions ordered by (stratum, entry time) ascending, else null. */
    final int[] startOrder;
    /** Covariates, row-major in sorted order: {@code x[k * p + j]}, centred and scaled. */
    final double[] x;
    final double[] means;
    final double[] scale;
    /** R's offset per sorted position (added to the linear predictor), or null without one. */
    final double[] offset;
    /** The offset's mean over the rows (R centres the linear predictor's offset at it), 0 without one. */
    final double offsetMean;
    /** Cluster code per sorted position, or null. */
    final int[] cluster;
    final int clusterCount;
    final int events;
    final int omitted;
    /** R's {@code fit$n}: rows before a {@code tt()} expansion ({@link ModelFrame#subjectCount()}). */
    final int subjects;

    private CoxDesign(Builder b) {
        this.n = b.n;
        this.p = b.p;
        this.columnNames = b.columnNames;
        this.termNames = b.termNames;
        this.termColumns = b.termColumns;
        this.order = b.order;
        this.sourceRows = b.sourceRows;
        this.time = b.time;
        this.start = b.start;
        this.event = b.event;
        this.weight = b.weight;
        this.weighted = b.weighted;
        this.fractionalWeights = b.fractionalWeights;
        this.strataStart = b.strataStart;
        this.strataLevels = b.strataLevels;
        this.strataName = b.strataName;
        this.formula = b.formula;
        this.startOrder = b.startOrder;
        this.x = b.x;
        this.means = b.means;
        this.scale = b.scale;
        this.cluster = b.cluster;
        this.offset = b.offset;
        this.offsetMean = b.offsetMean;
        this.clusterCount = b.clusterCount;
        this.events = b.events;
        this.omitted = b.omitted;
        this.subjects = b.subjects;
    }

    int strataCount() {
        return strataStart.length - 1;
    }

    private static final class Builder {
        int n;
        int p;
        String[] columnNames;
        String[] termNames;
        int[][] termColumns;
        int[] order;
        double[] time;
        double[] start;
        boolean[] event;
        double[] weight;
        boolean weighted;
        boolean fractionalWeights;
        int[] strataStart;
        List<String> strataLevels;
        String strataName;
        io.survkit.data.Terms formula;
        int[] startOrder;
        double[] x;
        double[] means;
        double[] scale;
        int[] sourceRows;
        int[] cluster;
        double[] offset;
        double offsetMean;
        int clusterCount;
        int events;
        int omitted;
        int subjects;
    }

    /** True when some subject has more than one event row (R: {@code anyDuplicated(id[status == 1])}). */
    private static boolean repeatedEvents(ModelFrame data, Factor id) {
        boolean[] seen = new boolean[id.levelCount()];
        for (int i = 0; i < data.rowCount(); i++) {
            if (data.status(i) > 0) {
                int c = id.code(i);
                if (seen[c]) {
                    return true;
                }
                seen[c] = true;
            }
        }
        return false;
    }

    static CoxDesign of(ModelFrame data) {
        return of(data, CoxVariance.AUTO);
    }

    /**
     * The design; the clusters are the frame's cluster column, else (R coxph) its id column when the
     * variance is robust: asked for, or AUTO with fractional weights or a subject with more than one
     * event ({@code anyDuplicated(id[status == 1])}).
     */
    static CoxDesign of(ModelFrame data, CoxVariance variance) {
        Check.notNull("data", data);
        Builder b = new Builder();
        int n = data.rowCount();
        b.n = n;
        b.omitted = data.omittedRows();
        b.subjects = data.subjectCount();
        b.formula = data.terms();
        if (data.causes().size() > 1) {
            throw Check.fail("column '%s' holds %d event causes %s; a Cox model needs one event type: "
                    + "build the data with event(column, value) for a cause-specific model",
                    data.eventColumn(), data.causes().size(), data.causes());
        }
        // model columns and terms, in R's order (the model frame's design matrix)
        int p = data.columnCount();
        List<ModelFrame.TermSpan> spans = data.termSpans();
        b.termNames = new String[spans.size()];
        b.termColumns = new int[spans.size()][];
        for (int t = 0; t < spans.size(); t++) {
            ModelFrame.TermSpan sp = spans.get(t);
            if (sp.columnCount() == 0) {
                throw Check.fail("factor covariate '%s' has a single level %s; it cannot be in the model", sp.name(),
                        sp.levels());
            }
            b.termNames[t] = sp.name();
            b.termColumns[t] = new int[sp.columnCount()];
            for (int j = 0; j < sp.columnCount(); j++) {
                b.termColumns[t][j] = sp.firstColumn() + j;
            }
        }
        b.columnNames = data.columnNames().toArray(new String[0]);
        b.p = p;

        // weights: R requires > 0
        double[] w = new double[n];
        double sumw = 0;
        for (int i = 0; i < n; i++) {
            double wi = data.weight(i);
            if (!(wi > 0)) {
                throw Check.fail("%s: case weight %s is invalid; a Cox model needs weights > 0",
                        data.rowLocation(data.weightsColumn().orElse(null), i), wi);
            }
            w[i] = wi;
            sumw += wi;
        }
        b.weighted = data.hasWeights();
        b.fractionalWeights = data.hasFractionalWeights();

        // sort once by (stratum, time)
        int[] ord = RadixSort.order(data.times()); // stable: ties keep data order, as R's order()
        Factor strata = data.strata().orElse(null);
        if (strata != null) {
            b.strataStart = Sorting.groupStable(ord, strata.codes(), strata.levelCount());
            b.strataLevels = strata.labels();
            b.strataName = strata.name();
        } else {
            b.strataStart = new int[] {0, n};
            b.strataLevels = List.of();
        }
        b.order = ord;
        b.sourceRows = data.sourceRows();
        b.time = new double[n];
        b.event = new boolean[n];
        b.weight = new double[n];
        int events = 0;
        for (int k = 0; k < n; k++) {
            int i = ord[k];
            b.time[k] = data.time(i);
            b.event[k] = data.isEvent(i);
            b.weight[k] = w[i];
            if (b.event[k]) {
                events++;
            }
        }
        if (events == 0) {
            throw Check.fail("the data have no events (all %d rows censored); a Cox model needs at least one event", n);
        }
        b.events = events;
        if (data.hasStart()) {
            b.start = new double[n];
            for (int k = 0; k < n; k++) {
                b.start[k] = data.start(ord[k]);
            }
            int[] so = RadixSort.order(b.start);
            if (strata != null) {
                int[] sortedCodes = new int[n];
                for (int k = 0; k < n; k++) {
                    sortedCodes[k] = strata.code(ord[k]);
                }
                Sorting.groupStable(so, sortedCodes, strata.levelCount());
            }
            b.startOrder = so;
        }
        double[] offsets = data.offset().orElse(null);
        if (offsets != null) {
            b.offset = new double[n];
            double sumOff = 0;
            for (int k = 0; k < n; k++) {
                b.offset[k] = offsets[ord[k]];
                sumOff += offsets[k];
            }
            b.offsetMean = sumOff / n; // R: mean(offset), unweighted
        }
        Factor cl = data.cluster().orElse(null);
        if (cl == null && data.id().isPresent() && variance != CoxVariance.MODEL && (variance == CoxVariance.ROBUST
                || b.fractionalWeights || repeatedEvents(data, data.id().orElseThrow()))) {
            cl = data.id().orElseThrow();
        }
        if (cl != null) {
            b.cluster = new int[n];
            for (int k = 0; k < n; k++) {
                b.cluster[k] = cl.code(ord[k]);
            }
            b.clusterCount = cl.levelCount();
        }

        // the model matrix, row-major in data order (sequential reads of each column), then
        // gathered into sorted order one contiguous row at a time
        // the model matrix twice (n p) and the p x p information, its inverse and the variances (about 6 p^2)
        io.survkit.internal.Memory.require(io.survkit.internal.Memory.doubles(2.0 * n * p + 6.0 * p * p),
                io.survkit.internal.Check.format("a Cox model with %d coefficients on %d rows (an %d x %d model"
                        + " matrix and %d x %d information matrices)", p, n, n, p, p, p),
                "a factor with that many levels is better a stratum (strata(...)) or a cluster than a covariate");
        if ((long) n * p > Integer.MAX_VALUE - 8) {
            throw io.survkit.internal.Check.fail("a Cox model with %d coefficients on %d rows has a model matrix of"
                    + " %d cells, more than a Java array holds; use fewer columns", p, n, (long) n * p);
        }
        double[] raw = new double[n * p];
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < n; i++) {
                double v = data.value(i, j);
                if (!Double.isFinite(v)) {
                    throw Check.fail("%s: covariate value %s is not finite", data.rowLocation(b.columnNames[j], i), v);
                }
                raw[i * p + j] = v;
            }
        }
        double[] xs = new double[n * p];
        for (int k = 0; k < n; k++) {
            System.arraycopy(raw, ord[k] * p, xs, k * p, p);
        }
        raw = null;
        // centre and scale (R coxfit6): weighted mean; scale = sum(w) / sum(w |x - mean|);
        // columns with values in {-1, 0, 1} only are left alone (R's nocenter)
        b.means = new double[p];
        b.scale = new double[p];
        double[] sum = new double[p];
        boolean[] zeroOne = new boolean[p];
        java.util.Arrays.fill(zeroOne, true);
        for (int k = 0; k < n; k++) {
            double wk = b.weight[k];
            int off = k * p;
            for (int j = 0; j < p; j++) {
                double v = xs[off + j];
                sum[j] += wk * v;
                if (v != 0 && v != 1 && v != -1) {
                    zeroOne[j] = false;
                }
            }
        }
        double[] mean = new double[p];
        for (int j = 0; j < p; j++) {
            mean[j] = zeroOne[j] ? 0 : sum[j] / sumw;
        }
        double[] abs = new double[p];
        for (int k = 0; k < n; k++) {
            double wk = b.weight[k];
            int off = k * p;
            for (int j = 0; j < p; j++) {
                double v = xs[off + j] - mean[j];
                xs[off + j] = v;
                abs[j] += wk * Math.abs(v);
            }
        }
        for (int j = 0; j < p; j++) {
            b.means[j] = mean[j];
            b.scale[j] = zeroOne[j] ? 1 : abs[j] > 0 ? sumw / abs[j] : 1.0;
        }
        for (int k = 0; k < n; k++) {
            int off = k * p;
            for (int j = 0; j < p; j++) {
                xs[off + j] *= b.scale[j];
            }
        }
        b.x = xs;
        return new CoxDesign(b);
    }
}
