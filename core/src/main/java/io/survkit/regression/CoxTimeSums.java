package io.survkit.regression;

import io.survkit.internal.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one pass over a Cox model's rows at a given beta needs to keep, aggregated per (stratum,
 * time): for the rows leaving at that time without an event, for the event rows, and for the rows
 * entering at that time ((start, stop] data: at risk only after it), the sums of the weighted risk
 * {@code r = w exp(eta)}, of {@code r z} and of {@code r z z'} (packed lower triangle); for the
 * event rows also their number, total weight {@code sum w}, {@code sum w eta} and {@code sum w z}.
 * From these the log partial likelihood, score and information follow exactly as from the rows
 * ({@link #logLikelihood}): the risk-set sums are built in time order, backwards, and each event
 * time adds its Breslow or Efron terms (the same code as core's row kernel). The sums can be
 * computed anywhere, e.g. by a cluster's group-by, so that only O(strata x distinct times) numbers
 * reach one JVM. Coordinates ({@code z}, {@code eta}) are whatever the caller iterates in, e.g.
 * covariates centred and scaled as {@link CoxRegression} does.
 *
 * <pre>{@code
 * CoxTimeSums.Builder b = CoxTimeSums.builder(2);
 * b.add(0, 5.0, CoxTimeSums.Kind.EVENT, 1, 1.0, eta, wz, r, rz, rzz);   // one cell per (stratum, time, kind)
 * CoxTimeSums sums = b.build();
 * double loglik = sums.logLikelihood(TieMethod.EFRON, score, information);
 * }</pre>
 */
public final class CoxTimeSums {
    /** Which rows a cell sums. */
    public enum Kind {
        /** Rows whose interval ends at the time without an event. */
        CENSORED,
        /** Rows whose interval ends at the time with an event. */
        EVENT,
        /** Rows whose interval starts at the time (at risk only after it). */
        ENTRY
    }

    private final int p;
    private final int width;
    private final int[] stratum;
    private final double[] time;
    /** Per cell, {@code 3 * width} risk sums: censored, event, entry blocks of (r, r z, r zz). */
    private final double[] risk;
    /** Per cell, {@code 2 + p}: event weight, sum w eta, sum w z. */
    private final double[] events;
    private final long[] eventRows;
    private final boolean[] exit;

    private CoxTimeSums(int p, int[] stratum, double[] time, double[] risk, double[] events, long[] eventRows,
            boolean[] exit) {
        this.p = p;
        this.width = 1 + p + p * (p + 1) / 2;
        this.stratum = stratum;
        this.time = time;
        this.risk = risk;
        this.events = events;
        this.eventRows = eventRows;
        this.exit = exit;
    }

    /**
     * A builder for p covariates.
     *
     * @param p the probability
     * @return A builder for p covariates
     */
    public static Builder builder(int p) {
        if (p < 1) {
            throw Check.fail("a Cox model needs at least one covariate column, got %d", p);
        }
        return new Builder(p);
    }

    /** {@return number of covariate columns} */
    public int columns() {
        return p;
    }

    /** {@return number of (stratum, time) cells} */
    public int size() {
        return time.length;
    }

    /**
     * Stratum code of cell c (cells sorted by stratum, then time ascending).
     *
     * @param c the 0-based index
     * @return stratum code of cell c (cells sorted by stratum, then time ascending)
     */
    public int stratum(int c) {
        return stratum[c];
    }

    /**
     * Time of cell c.
     *
     * @param c the 0-based index
     * @return the time of cell c
     */
    public double time(int c) {
        return time[c];
    }

    /**
     * Number of event rows at cell c.
     *
     * @param c the 0-based index
     * @return the number of event rows at cell c
     */
    public long eventRows(int c) {
        return eventRows[c];
    }

    /**
     * Total weight of the event rows at cell c.
     *
     * @param c the 0-based index
     * @return total weight of the event rows at cell c
     */
    public double eventWeight(int c) {
        return events[c * (2 + p)];
    }

    /**
     * True when rows leave at cell c (an exit time: censored or event rows).
     *
     * @param c the 0-based index
     * @return true when rows leave at cell c (an exit time: censored or event rows)
     */
    public boolean isExit(int c) {
        return exit[c];
    }

    /**
     * Log partial likelihood at the beta the sums were taken at; fills {@code score} (p) and
     * {@code information} (p x p, both triangles). Breslow or Efron ties as {@code ties}.
     *
     * @param ties the tie method
     * @param score the score
     * @param information the information
     * @return log partial likelihood at the beta the sums were taken at; fills {@code score} (p) and {@code information} (p x p, both triangles)
     */
    public double logLikelihood(TieMethod ties, double[] score, double[] information) {
        boolean efron = Check.notNull("ties", ties) == TieMethod.EFRON;
        int tri = p * (p + 1) / 2;
        double[] a = new double[p];
        double[] a2 = new double[p];
        double[] cmat = new double[tri];
        double[] cmat2 = new double[tri];
        double[] info = new double[tri];
        Arrays.fill(score, 0);
        double loglik = 0;
        int c = time.length - 1;
        while (c >= 0) {
            int s = stratum[c];
            double denom = 0;
            Arrays.fill(a, 0);
            Arrays.fill(cmat, 0);
            for (; c >= 0 && stratum[c] == s; c--) {
                int o = c * 3 * width;
                denom += add(a, cmat, o, 1);
                long ndead = eventRows[c];
                boolean split = efron && ndead > 1;
                double denom2 = 0;
                if (split) {
                    denom2 = risk[o + width];
                    System.arraycopy(risk, o + width + 1, a2, 0, p);
                    System.arraycopy(risk, o + width + 1 + p, cmat2, 0, tri);
                } else {
                    denom += add(a, cmat, o + width, 1);
                }
                denom -= add(a, cmat, o + 2 * width, -1);
                if (ndead == 0) {
                    continue;
                }
                int e = c * (2 + p);
                loglik += events[e + 1];
                for (int i = 0; i < p; i++) {
                    score[i] += events[e + 2 + i];
                }
                loglik -= CoxKernel.eventTerms(split, Math.toIntExact(ndead), events[e], denom, a, cmat, denom2, a2,
                        cmat2, score, info, p);
                if (split) {
                    denom += denom2;
                    CoxKernel.mergeInto(a, a2, cmat, cmat2, p);
                }
            }
        }
        for (int i = 0; i < p; i++) {
            int ci = i * (i + 1) / 2;
            for (int j = 0; j <= i; j++) {
                information[j * p + i] = info[ci + j];
                information[i * p + j] = info[ci + j];
            }
        }
        return loglik;
    }

    /**
     * The baseline cumulative hazard at covariates 0 (R {@code basehaz(fit, centered = FALSE)}),
     * from sums taken at the fitted beta: per stratum, one row per exit time, with Breslow
     * increments {@code D / sum_{risk set} r} or Efron's {@code sum_k (D/d) / (sum_risk - (k/d)
     * sum_events)} over the d tied events (as {@link CoxPrediction#baselineHazard()}), times
     * {@code exp(-coef' means)} (the sums are in centred coordinates).
     *
     * @param ties tie handling of the fit
     * @param coef coefficients in the original coordinates (NaN = redundant, left out)
     * @param means the centring of each column
     * @param strataLevels labels of the stratum codes (empty without strata)
     * @return the baseline hazard
     */
    public BaselineHazard baselineHazard(TieMethod ties, double[] coef, double[] means, java.util.List<String> strataLevels) {
        boolean efron = Check.notNull("ties", ties) == TieMethod.EFRON;
        double eta = 0;
        for (int j = 0; j < p; j++) {
            if (!Double.isNaN(coef[j])) {
                eta -= coef[j] * means[j];
            }
        }
        double risk0 = Math.exp(eta);
        int m = time.length;
        double[] h = new double[m];
        int c = m - 1;
        while (c >= 0) {
            int s = stratum[c];
            double denom = 0;
            for (; c >= 0 && stratum[c] == s; c--) {
                int o = c * 3 * width;
                denom += risk[o] + risk[o + width] - risk[o + 2 * width];
                long d = eventRows[c];
                if (d == 0) {
                    continue;
                }
                int terms = efron && d > 1 ? Math.toIntExact(d) : 1;
                double meanwt = events[c * (2 + p)] / terms;
                for (int k = 0; k < terms; k++) {
                    double downwt = terms == 1 ? 0 : (double) k / d;
                    h[c] += meanwt / (denom - downwt * risk[o + width]);
                }
            }
        }
        int rows = 0;
        for (int k = 0; k < m; k++) {
            rows += exit[k] ? 1 : 0;
        }
        String[] st = strataLevels.isEmpty() ? null : new String[rows];
        double[] t = new double[rows];
        double[] ch = new double[rows];
        int r = 0;
        double cum = 0;
        for (int k = 0; k < m; k++) {
            if (k == 0 || stratum[k] != stratum[k - 1]) {
                cum = 0;
            }
            cum += h[k];
            if (exit[k]) {
                t[r] = time[k];
                ch[r] = cum * risk0;
                if (st != null) {
                    st[r] = strataLevels.get(stratum[k]);
                }
                r++;
            }
        }
        return new BaselineHazard(st, t, ch);
    }

    /** Adds {@code sign} times the risk block at {@code o} to a and cmat; returns its r sum (unsigned). */
    private double add(double[] a, double[] cmat, int o, int sign) {
        for (int i = 0; i < p; i++) {
            a[i] += sign * risk[o + 1 + i];
        }
        int tri = cmat.length;
        for (int k = 0; k < tri; k++) {
            cmat[k] += sign * risk[o + 1 + p + k];
        }
        return risk[o];
    }

    /** Collects cells in any order; cells with the same (stratum, time) are summed. */
    public static final class Builder {
        private final int p;
        private final int width;
        private final List<double[]> cells = new ArrayList<>();

        private Builder(int p) {
            this.p = p;
            this.width = 1 + p + p * (p + 1) / 2;
        }

        /**
         * Adds the sums of the rows of one kind at (stratum, time).
         *
         * @param stratum stratum code (>= 0)
         * @param time the time
         * @param kind which rows
         * @param rows number of rows summed
         * @param weight sum of w (used for events)
         * @param weightedEta sum of w eta (events)
         * @param weightedZ sum of w z (events; p values)
         * @param r sum of w exp(eta)
         * @param rz sum of w exp(eta) z (p)
         * @param rzz sum of w exp(eta) z z', packed lower triangle ((i, j &lt;= i) at i(i+1)/2 + j)
         * @return this builder
         */
        public Builder add(int stratum, double time, Kind kind, long rows, double weight, double weightedEta,
                double[] weightedZ, double r, double[] rz, double[] rzz) {
            if (stratum < 0 || !Double.isFinite(time)) {
                throw Check.fail("cell %d: stratum %d and time %s must be >= 0 and finite", cells.size() + 1, stratum,
                        time);
            }
            double[] v = new double[4 + 3 * width + 2 + p];
            v[0] = stratum;
            v[1] = time + 0.0;
            v[2] = kind == Kind.EVENT ? rows : 0;
            v[3] = kind == Kind.ENTRY ? 0 : rows;
            int o = 4 + Check.notNull("kind", kind).ordinal() * width;
            v[o] = r;
            System.arraycopy(rz, 0, v, o + 1, p);
            System.arraycopy(rzz, 0, v, o + 1 + p, width - 1 - p);
            if (kind == Kind.EVENT) {
                int e = 4 + 3 * width;
                v[e] = weight;
                v[e + 1] = weightedEta;
                System.arraycopy(weightedZ, 0, v, e + 2, p);
            }
            cells.add(v);
            return this;
        }

        /**
         * Sorts the cells by (stratum, time) and sums those that share both.
         *
         * @return the cox time sums
         */
        public CoxTimeSums build() {
            List<double[]> sorted = new ArrayList<>(cells);
            sorted.sort((x, y) -> x[0] != y[0] ? Double.compare(x[0], y[0]) : Double.compare(x[1], y[1]));
            int m = 0;
            for (int i = 0; i < sorted.size(); i++) {
                if (i == 0 || !sameCell(sorted.get(i), sorted.get(i - 1))) {
                    m++;
                }
            }
            int[] stratum = new int[m];
            double[] time = new double[m];
            double[] risk = new double[m * 3 * width];
            double[] ev = new double[m * (2 + p)];
            long[] nev = new long[m];
            boolean[] exits = new boolean[m];
            int c = -1;
            for (int i = 0; i < sorted.size(); i++) {
                double[] v = sorted.get(i);
                if (i == 0 || !sameCell(v, sorted.get(i - 1))) {
                    c++;
                    stratum[c] = (int) v[0];
                    time[c] = v[1];
                }
                nev[c] += (long) v[2];
                exits[c] |= v[3] > 0;
                for (int k = 0; k < 3 * width; k++) {
                    risk[c * 3 * width + k] += v[4 + k];
                }
                for (int k = 0; k < 2 + p; k++) {
                    ev[c * (2 + p) + k] += v[4 + 3 * width + k];
                }
            }
            return new CoxTimeSums(p, stratum, time, risk, ev, nev, exits);
        }

        private static boolean sameCell(double[] x, double[] y) {
            return x[0] == y[0] && x[1] == y[1];
        }
    }
}
