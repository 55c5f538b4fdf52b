package io.survkit.regression;

import io.survkit.internal.Check;
import io.survkit.internal.Tolerances;
import io.survkit.internal.Cholesky;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * R's penalized Cox fit ({@code coxpenal.fit}, {@code coxfit5}, {@code coxpenal.df}) over a
 * {@link CoxDesign} whose columns include the penalized terms: P-spline blocks (penalty
 * {@code lambda/2 b'Db}, {@code lambda = theta / (1 - theta)}) and at most one gamma frailty (one
 * column per cluster, penalty {@code nu sum(exp(w) - w)}, {@code nu = 1/theta}, the frailties
 * recentred so that {@code mean(exp(w)) = 1}).
 *
 * <p>Inner loop (R {@code coxfit5_b}): Newton-Raphson on the penalized log partial likelihood in
 * the original coordinates, starting from the previous fit, with R's simple step halving
 * ({@code beta = (old + beta) / 2}) and convergence at {@code |1 - old/new| <= eps} after a full
 * step. As R's sparse frailty code, the information between different clusters is taken as 0 (only
 * its diagonal is kept) when the frailty has more than 5 clusters. Outer loop: each penalized
 * term's control chooses the next theta from the fit: for {@code pspline} R's
 * {@code frailty.controldf} (theta whose effective degrees of freedom are within 0.1 of the
 * target), for the gamma frailty R's {@code frailty.controlgam} (maximising the profile
 * I-likelihood {@code loglik + frailty.gammacon(d, 1/theta)} in sqrt(theta) by
 * {@code frailty.brent}). The variance {@code var = H^-1}, {@code var2 = H^-1 (H - P) H^-1} and the
 * degrees of freedom follow {@code coxpenal.df} (Gray 1992).
 */
final class PenalizedCoxFit {
    /** One penalized term: its design columns and its theta control. */
    abstract static class Penalty {
        final String name;
        final int[] columns;
        double theta;
        boolean done;

        Penalty(String name, int[] columns) {
            this.name = name;
            this.columns = columns;
        }

        /** Penalty value (to subtract from the log-likelihood); fills first (gradient) and second (Hessian block). */
        abstract double evaluate(double[] beta, double[] first, double[] second);

        /** true when the coefficients are held at 0 (R's {@code flag}). */
        abstract boolean flagged();

        /** R's cfun at iteration 0: the first theta. */
        abstract void start();

        /** R's cfun after outer iteration {@code iter}: the next theta and whether done. */
        abstract void next(int iter, PenalizedCoxFit f);
    }

    /** R's pspline penalty with {@code method = "df"}. */
    static final class SplinePenalty extends Penalty {
        final double[] dmat;
        final double target;
        final double eps = 0.1;
        double[] thetas;
        double[] dfs;
        int half = -1; // R's old$half: NULL before set
        boolean halfSet;
        double df;

        SplinePenalty(String name, int[] columns, double[] dmat, double target, int nterm) {
            super(name, columns);
            this.dmat = dmat;
            this.target = target;
            this.thetas = new double[] {1, 0};
            this.dfs = new double[] {1, nterm};
        }

        @Override
        double evaluate(double[] beta, double[] first, double[] second) {
            int k = columns.length;
            if (theta >= 1) {
                return 100 * (1 - theta);
            }
            double lambda = theta <= 0 ? 0 : theta / (1 - theta);
            double q = 0;
            for (int i = 0; i < k; i++) {
                double s = 0;
                for (int j = 0; j < k; j++) {
                    s += dmat[i * k + j] * beta[columns[j]];
                }
                first[i] = s * lambda;
                q += beta[columns[i]] * s;
                for (int j = 0; j < k; j++) {
                    second[i * k + j] = dmat[i * k + j] * lambda;
                }
            }
            return q * lambda / 2;
        }

        @Override
        boolean flagged() {
            return theta >= 1;
        }

        @Override
        void start() {
            theta = 1 - target / dfs[1];
        }

        @Override
        void next(int iter, PenalizedCoxFit f) {
            // R frailty.controldf
            double[] x = Arrays.copyOf(thetas, thetas.length + 1);
            x[thetas.length] = theta;
            double[] y = Arrays.copyOf(dfs, dfs.length + 1);
            y[dfs.length] = df;
            thetas = x.clone();
            dfs = y.clone();
            int nx = x.length;
            if (nx == 2) {
                // linear guess from the first two, trying hard to bracket the root
                double t = x[0] + (x[1] - x[0]) * (target - y[0]) / (y[1] - y[0]);
                if (target > df) {
                    t *= 1.5;
                }
                theta = t;
                done = false;
                half = 0;
                halfSet = true;
                return;
            }
            done = iter > 1 && Math.abs(y[nx - 1] - target) < eps;
            double tgt = target;
            boolean doingWell = !(Math.abs((y[nx - 1] - tgt) / (y[nx - 2] - tgt)) > .6);
            Integer[] ord = new Integer[nx];
            for (int i = 0; i < nx; i++) {
                ord[i] = i;
            }
            final double[] xs = x;
            Arrays.sort(ord, (a, b) -> Double.compare(xs[a], xs[b])); // stable, as R's order
            double[] xo = new double[nx];
            double[] yo = new double[nx];
            boolean up = (x[0] - x[1]) * (y[0] - y[1]) > 0;
            for (int i = 0; i < nx; i++) {
                xo[i] = x[ord[i]];
                yo[i] = up ? y[ord[i]] : -y[ord[i]];
            }
            if (!up) {
                tgt = -tgt;
            }
            boolean allAbove = true;
            boolean allBelow = true;
            for (double v : yo) {
                allAbove &= v > tgt;
                allBelow &= v < tgt;
            }
            int b1;
            if (allAbove) {
                b1 = 0;
            } else if (allBelow) {
                b1 = nx - 3;
            } else {
                b1 = -1;
                for (int i = 0; i < nx; i++) {
                    if (yo[i] <= tgt) {
                        b1 = i;
                    }
                }
                int oldHalf = halfSet ? half : 0;
                if (!doingWell && (!halfSet || half < 2)) {
                    theta = (xo[b1] + xo[b1 + 1]) / 2;
                    half = Math.max(oldHalf, 0) + 1;
                    halfSet = true;
                    return;
                }
                if (b1 + 1 == nx - 1 || (b1 > 0 && (tgt - yo[b1]) < (yo[b1 + 1] - tgt))) {
                    b1 = b1 - 1;
                }
            }
            double xx1 = Math.log(xo[b1 + 1] - xo[b1]);
            double xx2 = Math.log(xo[b1 + 2] - xo[b1]);
            double yy1 = Math.log(yo[b1 + 1] - yo[b1]);
            double yy2 = Math.log(yo[b1 + 2] - yo[b1]);
            double power = (yy2 - yy1) / (xx2 - xx1);
            double a = yy1 - power * xx1;
            double newx = (Math.log(tgt - yo[b1]) - a) / power;
            theta = xo[b1] + Math.exp(newx);
            half = 0;
            halfSet = true;
        }
    }

    /** R's frailty.gamma with {@code method = "em"}. */
    static final class GammaFrailty extends Penalty {
        final boolean sparse;
        final double eps = 1e-5;
        /** Events per cluster (R's {@code tapply(status, group, sum)}). */
        final double[] events;
        final List<double[]> history = new ArrayList<>(); // theta, loglik, c.loglik
        double cLoglik;

        GammaFrailty(String name, int[] columns, double[] events) {
            super(name, columns);
            this.sparse = columns.length > 5;
            this.events = events;
        }

        /** Recentres the frailties in place (R's {@code recenter}); returns the penalty. */
        @Override
        double evaluate(double[] beta, double[] first, double[] second) {
            int k = columns.length;
            if (theta == 0) {
                return 0;
            }
            double m = 0;
            for (int c : columns) {
                m += Math.exp(beta[c]);
            }
            double recenter = Math.log(m / k);
            double nu = 1 / theta;
            double sum = 0;
            Arrays.fill(second, 0);
            for (int i = 0; i < k; i++) {
                double w = beta[columns[i]] - recenter;
                beta[columns[i]] = w;
                double e = Math.exp(w);
                first[i] = (e - 1) * nu;
                second[i * k + i] = e * nu;
                sum += w;
            }
            return -sum * nu;
        }

        @Override
        boolean flagged() {
            return theta == 0;
        }

        @Override
        void start() {
            theta = 0;
        }

        /** R's frailty.gammacon(d, nu): the correction of the partial to the I-likelihood. */
        double gammacon(double nu) {
            double maxd = 0;
            for (double d : events) {
                maxd = Math.max(maxd, d);
            }
            double term1 = 0;
            if (nu > 1e7 * maxd) {
                for (double d : events) {
                    term1 += d * d;
                }
                term1 /= nu;
            } else {
                for (double d : events) {
                    term1 += d + nu * Math.log(nu / (nu + d));
                }
            }
            int md = (int) maxd;
            int[] tbl = new int[md + 1];
            for (double d : events) {
                if (d > 0) {
                    tbl[(int) d]++;
                }
            }
            double term2 = 0;
            int ctbl = 0;
            for (int lev = md; lev >= 1; lev--) {
                ctbl += tbl[lev];
                // numerator: nu + (lev - 1), repeated ctbl[lev] times; denominator: nu + lev, tbl[lev] * lev times
                term2 += ctbl * Math.log(nu + lev - 1) - (double) tbl[lev] * lev * Math.log(nu + lev);
            }
            return term1 + term2;
        }

        @Override
        void next(int iter, PenalizedCoxFit f) {
            double correct = theta == 0 ? 0 : gammacon(1 / theta);
            double loglik = f.penalizedLoglik;
            cLoglik = loglik + correct;
            history.add(new double[] {theta, loglik, cLoglik});
            if (iter == 1) {
                theta = 1;
                done = false;
                return;
            }
            if (iter == 2) {
                double[] h1 = history.get(0);
                double[] h2 = history.get(1);
                theta = h2[2] < h1[2] + 1 ? (h1[0] + h2[0]) / 2 : 2 * h2[0];
                done = false;
                return;
            }
            int n = history.size();
            done = Math.abs(1 - history.get(n - 1)[2] / history.get(n - 2)[2]) < eps;
            double maxX = Double.NEGATIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = Math.sqrt(history.get(i)[0]);
                y[i] = history.get(i)[2];
                maxX = Math.max(maxX, history.get(i)[0]);
                maxY = Math.max(maxY, y[i]);
            }
            if (y[n - 1] == maxY && history.get(n - 1)[0] == maxX) {
                theta = 2 * maxX;
            } else {
                double b = brent(x, y, 0);
                theta = b * b;
            }
        }

        /** R's frailty.brent(x, y, lower): a parabola through the best point and its neighbours. */
        static double brent(double[] x, double[] y, double lower) {
            int n = x.length;
            Integer[] ord = new Integer[n];
            for (int i = 0; i < n; i++) {
                ord[i] = i;
            }
            Arrays.sort(ord, (a, b) -> Double.compare(x[a], x[b]));
            double[] xx = new double[n];
            double[] yy = new double[n];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                xx[i] = x[ord[i]];
                yy[i] = y[ord[i]];
                max = Math.max(max, yy[i]);
            }
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (yy[i] == max) {
                    if (best >= 0) {
                        throw Check.fail("the frailty variance search found two equal maxima of the I-likelihood"
                                + " (R: \"Ties for max(y), I surrender\")");
                    }
                    best = i;
                }
            }
            if (best == 0) {
                double nw = xx[0] - 3 * (xx[1] - xx[0]);
                if (nw < lower) {
                    double minAbove = Double.POSITIVE_INFINITY;
                    for (double v : xx) {
                        if (v > lower) {
                            minAbove = Math.min(minAbove, v);
                        }
                    }
                    nw = lower + (minAbove - lower) / 10;
                }
                return nw;
            }
            if (best == n - 1) {
                return xx[n - 1] + 3 * (xx[n - 1] - xx[n - 2]);
            }
            double x1 = xx[best - 1];
            double x2 = xx[best];
            double x3 = xx[best + 1];
            double y1 = yy[best - 1];
            double y2 = yy[best];
            double y3 = yy[best + 1];
            double t1 = (x2 - x1) * (x2 - x1) * (y2 - y3) - (x2 - x3) * (x2 - x3) * (y2 - y1);
            double t2 = (x2 - x1) * (y2 - y3) - (x2 - x3) * (y2 - y1);
            double nw = x2 - .5 * t1 / t2;
            // R compares with the unsorted x (its x[n], x[n-1], x[n-2])
            if (nw < x1 || nw > x3 || (n > 4 && (nw - x[n - 1]) > .5 * Math.abs(x[n - 2] - x[n - 3]))) {
                return (x2 - x1) > (x3 - x2) ? x2 - .38 * (x2 - x1) : x2 + .32 * (x3 - x2);
            }
            return nw;
        }
    }

    private final CoxDesign d;
    private final CoxKernel kernel;
    private final int p;
    private final List<Penalty> penalties;
    private final GammaFrailty frailty;
    private final int maxIter;
    private final double eps;
    /** R's {@code assign}: each term's columns. */
    private final int[][] terms;

    // outputs
    double[] beta;
    double[] hinv;
    double[] var;
    double[] var2;
    double[] df;
    double[] fvar;
    double loglik0;
    double loglik1;
    double penalty0;
    double penalty;
    double penalizedLoglik;
    /** The penalty of the last evaluation (R's coxlist penalties at the last callback). */
    private double penaltyTotal;
    int outer;
    int inner;
    boolean innerFailed;
    boolean converged;

    PenalizedCoxFit(CoxDesign d, TieMethod ties, List<Penalty> penalties, int maxIter, double eps) {
        this.d = d;
        this.kernel = new CoxKernel(d, ties);
        this.p = d.p;
        this.penalties = penalties;
        GammaFrailty g = null;
        for (Penalty q : penalties) {
            if (q instanceof GammaFrailty gf) {
                g = gf;
            }
        }
        this.frailty = g;
        this.maxIter = maxIter;
        this.eps = eps;
        this.terms = d.termColumns;
    }

    /** Penalized log-likelihood at {@code b} (recentring frailties in place); fills u and the information h. */
    private double evaluate(double[] b, double[] u, double[] h) {
        double[] bs = new double[p];
        for (int j = 0; j < p; j++) {
            bs[j] = b[j] / d.scale[j];
        }
        double[] us = new double[p];
        double[] is = new double[p * p];
        double ll = kernel.evaluate(bs, us, is);
        for (int i = 0; i < p; i++) {
            u[i] = us[i] / d.scale[i];
            for (int j = 0; j < p; j++) {
                h[i * p + j] = is[i * p + j] / (d.scale[i] * d.scale[j]);
            }
        }
        if (frailty != null && frailty.sparse) {
            int[] c = frailty.columns;
            for (int i = 0; i < c.length; i++) {
                for (int j = 0; j < c.length; j++) {
                    if (i != j) {
                        h[c[i] * p + c[j]] = 0;
                    }
                }
            }
        }
        penaltyTotal = 0;
        for (Penalty q : penalties) {
            int k = q.columns.length;
            double[] first = new double[k];
            double[] second = new double[k * k];
            double pen = q.evaluate(b, first, second);
            if (q.flagged()) {
                // R: the coefficients are held at 0 (score 0, unit diagonal, no cross terms)
                for (int i = 0; i < k; i++) {
                    int ci = q.columns[i];
                    u[ci] = 0;
                    for (int j = 0; j < p; j++) {
                        h[ci * p + j] = 0;
                        h[j * p + ci] = 0;
                    }
                    h[ci * p + ci] = 1;
                }
                continue;
            }
            ll -= pen;
            penaltyTotal += pen;
            for (int i = 0; i < k; i++) {
                int ci = q.columns[i];
                u[ci] -= first[i];
                for (int j = 0; j < k; j++) {
                    h[ci * p + q.columns[j]] += second[i * k + j];
                }
            }
        }
        return ll;
    }

    /** R's coxfit5_b from {@code b}; returns the number of iterations and leaves the fit in the fields. */
    private int newtonRaphson(double[] b, double[] h) {
        double[] u = new double[p];
        double[] old = b.clone();
        double loglik = 0; // R passes loglik = 0 in
        boolean halving = false;
        double newlk = 0;
        for (int iter = 0; iter <= maxIter; iter++) {
            newlk = evaluate(b, u, h);
            double[] chol = h.clone();
            Cholesky.decompose(chol, p, Tolerances.COX_CHOLESKY);
            if (Math.abs(newlk) < eps || (Math.abs(1 - loglik / newlk) <= eps && !halving)) {
                penalizedLoglik = newlk;
                return iter;
            }
            if (iter == maxIter) {
                break;
            }
            if (iter > 0 && newlk < loglik) {
                halving = true;
                for (int i = 0; i < p; i++) {
                    b[i] = (old[i] + b[i]) / 2;
                }
            } else {
                halving = false;
                loglik = newlk;
                double[] step = u.clone();
                Cholesky.solve(chol, p, step);
                for (int i = 0; i < p; i++) {
                    old[i] = b[i];
                    b[i] += step[i];
                }
            }
        }
        penalizedLoglik = newlk;
        innerFailed = true;
        return maxIter;
    }

    /** The outer loop (R's {@code for (outer in 1:outer.max)}). */
    void fit(int outerMax) {
        double[] b = new double[p];
        double[] h = new double[p * p];
        // R coxfit5_a: the log-likelihood at the initial values (0), no penalty at 0
        loglik0 = kernel.evaluate(new double[p], new double[p], new double[p * p]);
        for (Penalty q : penalties) {
            q.start();
        }
        List<double[]> thetaSave = new ArrayList<>();
        List<double[]> coefSave = new ArrayList<>();
        thetaSave.add(thetas());
        double[] init = b;
        converged = false;
        for (outer = 1; outer <= outerMax; outer++) {
            double[] cur = init.clone();
            inner += newtonRaphson(cur, h);
            beta = cur;
            variance(h);
            penalty = penaltyTotal;
            loglik1 = penalizedLoglik + penalty;
            if (outer == 1) {
                penalty0 = penalty;
            }
            boolean done = true;
            for (Penalty q : penalties) {
                q.next(outer, this);
                done &= q.done;
            }
            if (done) {
                converged = true;
                break;
            }
            coefSave.add(beta.clone());
            double[] next = thetas();
            if (outer == 1) {
                init = beta.clone();
            } else {
                int which = 0;
                double best = Double.POSITIVE_INFINITY;
                for (int k = 0; k < outer; k++) {
                    double[] t = thetaSave.get(k);
                    double s = 0;
                    for (int i = 0; i < t.length; i++) {
                        s += (t[i] - next[i]) * (t[i] - next[i]);
                    }
                    if (s < best) {
                        best = s;
                        which = k;
                    }
                }
                init = coefSave.get(which).clone();
            }
            thetaSave.add(next);
        }
        if (outer > outerMax) {
            outer = outerMax;
        }
    }

    private double[] thetas() {
        double[] t = new double[penalties.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = penalties.get(i).theta;
        }
        return t;
    }

    /** R's coxpenal.df from the final information h (with penalties). */
    private void variance(double[] h) {
        hinv = h.clone();
        Cholesky.decompose(hinv, p, Tolerances.COX_CHOLESKY);
        Cholesky.invert(hinv, p);
        // the penalty part of the information
        double[] pen = new double[p * p];
        for (Penalty q : penalties) {
            if (q.flagged()) {
                continue;
            }
            int k = q.columns.length;
            double[] second = new double[k * k];
            q.evaluate(beta.clone(), new double[k], second);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    pen[q.columns[i] * p + q.columns[j]] = second[i * k + j];
                }
            }
        }
        double[] imat = new double[p * p];
        for (int i = 0; i < p * p; i++) {
            imat[i] = h[i] - pen[i];
        }
        var2 = mult(mult(hinv, imat, p), hinv, p);
        df = new double[terms.length];
        if (frailty == null) {
            var = hinv;
            if (terms.length == 1) {
                double s = 0;
                for (int i = 0; i < p * p; i++) {
                    s += imat[i] * hinv[i];
                }
                df[0] = s;
            } else {
                for (int t = 0; t < terms.length; t++) {
                    df[t] = traceSolve(hinv, var2, terms[t]);
                }
            }
        } else {
            int[] fc = frailty.columns;
            fvar = new double[fc.length];
            double s = 0;
            for (int i = 0; i < fc.length; i++) {
                fvar[i] = hinv[fc[i] * p + fc[i]];
                s += frailty.flagged() ? 0 : fvar[i] * pen[fc[i] * p + fc[i]];
            }
            var = hinv;
            for (int t = 0; t < terms.length; t++) {
                df[t] = Arrays.equals(terms[t], fc) ? fc.length - s : traceSolve(hinv, var2, terms[t]);
            }
        }
        for (Penalty q : penalties) {
            if (q instanceof SplinePenalty sp) {
                for (int t = 0; t < terms.length; t++) {
                    if (Arrays.equals(terms[t], sp.columns)) {
                        sp.df = df[t];
                    }
                }
            }
        }
    }

    /** trace(A[j,j]^-1 B[j,j]) (R: coxph.wtest(A[j,j], B[j,j])$solve, summed diagonal). */
    private double traceSolve(double[] a, double[] b, int[] cols) {
        int k = cols.length;
        double[] aa = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                aa[i * k + j] = a[cols[i] * p + cols[j]];
            }
        }
        if (k == 1) {
            return b[cols[0] * p + cols[0]] / aa[0];
        }
        Cholesky.decompose(aa, k, Tolerances.COX_CHOLESKY);
        double tr = 0;
        double[] col = new double[k];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < k; i++) {
                col[i] = b[cols[i] * p + cols[j]];
            }
            Cholesky.solve(aa, k, col);
            tr += col[j];
        }
        return tr;
    }

    static double[] mult(double[] a, double[] b, int n) {
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double v = a[i * n + k];
                if (v == 0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    c[i * n + j] += v * b[k * n + j];
                }
            }
        }
        return c;
    }
}
