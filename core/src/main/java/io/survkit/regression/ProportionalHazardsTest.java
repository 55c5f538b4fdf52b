package io.survkit.regression;

import io.survkit.internal.Check;
import io.survkit.internal.Sorting;
import io.survkit.internal.Tolerances;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test of proportional hazards for a fitted Cox model, equal to R survival 3.x
 * {@code cox.zph(fit, transform = "km")}: for each term, the score test of adding
 * {@code beta * g(t)} interactions (Grambsch and Therneau 1994) at the fitted coefficients, with g
 * the chosen transform of time centred at its mean over the events. With U2 the score of the
 * interaction coefficients and I the full 2p x 2p information (both at the fit, the interaction
 * coefficients 0), the statistic of term T is {@code (0, U2_T)' I[(all, T), (all, T)]^-1 (0, U2_T)}
 * on |T| degrees of freedom; the global test uses every column.
 *
 * <p>Defaults ({@link #withDefaults()}): {@link TimeTransform#KM}.
 *
 * <pre>{@code
 * CoxResult fit = CoxRegression.withDefaults().fit(data);
 * ProportionalHazardsResult zph = ProportionalHazardsTest.withDefaults().test(fit);
 * System.out.println(zph);   // like print(cox.zph(fit))
 * }</pre>
 */
public final class ProportionalHazardsTest {
    private static final ProportionalHazardsTest DEFAULTS = new ProportionalHazardsTest(TimeTransform.KM);
    private final TimeTransform transform;

    private ProportionalHazardsTest(TimeTransform transform) {
        this.transform = transform;
    }

    /**
     * The default test: Kaplan-Meier transform of time.
     *
     * @return the shared default instance
     */
    public static ProportionalHazardsTest withDefaults() {
        return DEFAULTS;
    }

    /**
     * The transform of time g(t).
     *
     * @param t the time transform
     * @return a new instance with this setting (this one is unchanged)
     */
    public ProportionalHazardsTest withTransform(TimeTransform t) {
        return new ProportionalHazardsTest(Check.notNull("time transform", t));
    }

    /** {@return the transform in use} */
    public TimeTransform transform() {
        return transform;
    }

    /**
     * Tests the model {@code fit}.
     *
     * @param fit the fitted model
     * @return the result
     */
    public ProportionalHazardsResult test(CoxResult fit) {
        Check.notNull("Cox fit", fit);
        CoxDesign d = fit.design();
        double[] beta = fit.betaScaled();
        double[] coef = fit.coefficients();
        // columns with a coefficient (R drops NA coefficients and their terms)
        int[] keep = new int[d.p];
        int[] position = new int[d.p];
        int q = 0;
        for (int j = 0; j < d.p; j++) {
            position[j] = -1;
            if (!Double.isNaN(coef[j])) {
                position[j] = q;
                keep[q++] = j;
            }
        }
        keep = Arrays.copyOf(keep, q);
        if (q == 0) {
            throw Check.fail("the model has no estimable coefficient to test");
        }
        double[] g = timeWeights(d);
        int m = 2 * q;
        double[] u2 = new double[q];
        double[] imat = new double[m * m];
        pass(d, beta, keep, g, fit.tieMethod() == TieMethod.EFRON, u2, imat);

        List<String> names = new ArrayList<>();
        List<Double> stats = new ArrayList<>();
        List<Integer> dfs = new ArrayList<>();
        for (int t = 0; t < d.termNames.length; t++) {
            List<Integer> cols = new ArrayList<>();
            for (int j : d.termColumns[t]) {
                if (position[j] >= 0) {
                    cols.add(position[j]);
                }
            }
            if (cols.isEmpty()) {
                continue;
            }
            int[] kk = new int[q + cols.size()];
            for (int i = 0; i < q; i++) {
                kk[i] = i;
            }
            for (int i = 0; i < cols.size(); i++) {
                kk[q + i] = q + cols.get(i);
            }
            stats.add(quadratic(imat, m, kk, u2, q));
            dfs.add(cols.size());
            names.add(d.termNames[t]);
        }
        int[] all = new int[m];
        for (int i = 0; i < m; i++) {
            all[i] = i;
        }
        double globalStat = quadratic(imat, m, all, u2, q);
        double[] chisq = new double[stats.size()];
        int[] df = new int[stats.size()];
        for (int i = 0; i < chisq.length; i++) {
            chisq[i] = stats.get(i);
            df[i] = dfs.get(i);
        }
        return new ProportionalHazardsResult(names, chisq, df, new ChiSquareTest(globalStat, q), transform,
                fit.omittedRows(), scaledResiduals(fit, d, keep, names));
    }

    /** R {@code cox.zph}'s {@code x}, {@code time}, {@code y} and {@code var}: see {@link ZphResiduals}. */
    private ScaledSchoenfeldResiduals scaledResiduals(CoxResult fit, CoxDesign d, int[] keep, List<String> names) {
        return ZphResiduals.of(fit, d, keep, names, transformed(d), transform);
    }

    /** The inverse of an n x n matrix (row-major), column by column through {@link #solve}. */
    static double[] invert(double[] a, int n) {
        double[] inv = new double[n * n];
        for (int c = 0; c < n; c++) {
            double[] e = new double[n];
            e[c] = 1;
            double[] col = solve(a.clone(), e, n);
            for (int r = 0; r < n; r++) {
                inv[r * n + c] = col[r];
            }
        }
        return inv;
    }

    /** u' M^-1 u with M = imat[kk, kk] and u = (0 for the first q, u2 of the interaction columns). */
    private static double quadratic(double[] imat, int m, int[] kk, double[] u2, int q) {
        int s = kk.length;
        double[] a = new double[s * s];
        double[] u = new double[s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
                a[i * s + j] = imat[kk[i] * m + kk[j]];
            }
            u[i] = kk[i] >= q ? u2[kk[i] - q] : 0;
        }
        checkCondition(a, s);
        double[] x = solve(a.clone(), u.clone(), s);
        double r = 0;
        for (int i = 0; i < s; i++) {
            r += x[i] * u[i];
        }
        return r;
    }

    /**
     * R's {@code solve} refuses a matrix whose reciprocal 1-norm condition number is below machine
     * epsilon ("system is computationally singular"); so does this test, since its statistic would
     * be noise. The condition number is computed exactly from the inverse (the matrix is small).
     */
    private static void checkCondition(double[] a, int n) {
        double norm = 0;
        double invNorm = 0;
        double[] inv = invert(a, n);
        for (int c = 0; c < n; c++) {
            double s1 = 0;
            double s2 = 0;
            for (int r = 0; r < n; r++) {
                s1 += Math.abs(a[r * n + c]);
                s2 += Math.abs(inv[r * n + c]);
            }
            norm = Math.max(norm, s1);
            invNorm = Math.max(invNorm, s2);
        }
        double rcond = 1 / (norm * invNorm);
        if (!(rcond >= Tolerances.MACHINE_EPSILON)) {
            throw Check.fail("the information matrix of the proportional-hazards test is computationally singular"
                    + " (reciprocal condition number %.3g): too few events per stratum for the time interactions;"
                    + " test fewer terms or pool strata", rcond);
        }
    }

    /** Gaussian elimination with partial pivoting (R's {@code solve}, LAPACK dgesv). */
    private static double[] solve(double[] a, double[] b, int n) {
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r * n + c]) > Math.abs(a[piv * n + c])) {
                    piv = r;
                }
            }
            if (a[piv * n + c] == 0) {
                throw Check.fail("the information matrix of the proportional-hazards test is singular");
            }
            if (piv != c) {
                for (int j = 0; j < n; j++) {
                    double t = a[c * n + j];
                    a[c * n + j] = a[piv * n + j];
                    a[piv * n + j] = t;
                }
                double t = b[c];
                b[c] = b[piv];
                b[piv] = t;
            }
            for (int r = c + 1; r < n; r++) {
                double f = a[r * n + c] / a[c * n + c];
                if (f == 0) {
                    continue;
                }
                for (int j = c; j < n; j++) {
                    a[r * n + j] -= f * a[c * n + j];
                }
                b[r] -= f * b[c];
            }
        }
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int j = r + 1; j < n; j++) {
                s -= a[r * n + j] * b[j];
            }
            b[r] = s / a[r * n + r];
        }
        return b;
    }

    /** g(t) per sorted row, centred at its mean over the event rows (R: {@code gtime}). */
    private double[] timeWeights(CoxDesign d) {
        double[] g = transformed(d);
        int n = d.n;
        double sum = 0;
        int ev = 0;
        for (int k = 0; k < n; k++) {
            if (d.event[k]) {
                sum += g[k];
                ev++;
            }
        }
        double mean = sum / ev;
        for (int k = 0; k < n; k++) {
            g[k] -= mean;
        }
        return g;
    }

    /** g(t) per sorted row, uncentred (R: {@code ttimes}). */
    private double[] transformed(CoxDesign d) {
        int n = d.n;
        double[] g = new double[n];
        switch (transform) {
            case IDENTITY:
                System.arraycopy(d.time, 0, g, 0, n);
                break;
            case LOG:
                for (int k = 0; k < n; k++) {
                    g[k] = Math.log(d.time[k]);
                }
                break;
            case RANK:
                ranks(d.time, g);
                break;
            default:
                kmTransform(d, g);
                break;
        }
        return g;
    }

    /** Average ranks (R {@code rank(x)}). */
    private static void ranks(double[] x, double[] out) {
        int[] ord = Sorting.order(x);
        int i = 0;
        while (i < ord.length) {
            int j = i + 1;
            while (j < ord.length && x[ord[j]] == x[ord[i]]) {
                j++;
            }
            double r = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                out[ord[k]] = r;
            }
            i = j;
        }
    }

    /**
     * {@code 1 - S(t-)} per row, S the unweighted Kaplan-Meier of all rows pooled over strata
     * (R {@code survfitKM(factor(rep(1, n)), y)}), with delayed entry for counting-process data.
     */
    private static void kmTransform(CoxDesign d, double[] g) {
        int n = d.n;
        int[] ord = Sorting.order(d.time);
        int[] sord = d.start != null ? Sorting.order(d.start) : null;
        double surv = 1;
        int exited = 0; // rows with time < t
        int entered = 0; // counting process: rows with start < t
        int i = 0;
        while (i < n) {
            double t = d.time[ord[i]];
            int j = i;
            int deaths = 0;
            while (j < n && d.time[ord[j]] == t) {
                if (d.event[ord[j]]) {
                    deaths++;
                }
                j++;
            }
            int atRisk;
            if (sord == null) {
                atRisk = n - exited;
            } else {
                while (entered < n && d.start[sord[entered]] < t) {
                    entered++;
                }
                atRisk = entered - exited;
            }
            for (int k = i; k < j; k++) {
                g[ord[k]] = 1 - surv;
            }
            if (deaths > 0) {
                surv *= 1 - (double) deaths / atRisk;
            }
            exited += j - i;
            i = j;
        }
    }

    /**
     * R {@code zph1}/{@code zph2}: one backward pass at the fitted coefficients accumulating the
     * interaction score {@code u2 = sum_events g(t) w (x - xbar)} and the information blocks
     * {@code I11 = sum I_t}, {@code I12 = sum g I_t}, {@code I22 = sum g^2 I_t}.
     */
    private static void pass(CoxDesign d, double[] beta, int[] keep, double[] g, boolean efron, double[] u2,
            double[] imat) {
        int q = keep.length;
        int p = d.p;
        int m = 2 * q;
        double[] a = new double[q];
        double[] a2 = new double[q];
        double[] cmat = new double[q * q];
        double[] cmat2 = new double[q * q];
        double[] xr = new double[q];
        double[] risk = d.start != null ? new double[d.n] : null;
        for (int s = 0; s < d.strataCount(); s++) {
            int lo = d.strataStart[s];
            int hi = d.strataStart[s + 1];
            double denom = 0;
            Arrays.fill(a, 0);
            Arrays.fill(cmat, 0);
            int rm = hi - 1;
            int k = hi - 1;
            while (k >= lo) {
                double dtime = d.time[k];
                double gt = g[k];
                int ndead = 0;
                double deadwt = 0;
                double denom2 = 0;
                while (k >= lo && d.time[k] == dtime) {
                    double eta = d.offset == null ? 0 : d.offset[k];
                    for (int i = 0; i < q; i++) {
                        xr[i] = d.x[k * p + keep[i]];
                        eta += beta[keep[i]] * xr[i];
                    }
                    double r = Math.exp(eta) * d.weight[k];
                    if (risk != null) {
                        risk[k] = r;
                    }
                    if (!d.event[k]) {
                        denom += r;
                        for (int i = 0; i < q; i++) {
                            a[i] += r * xr[i];
                            for (int j = 0; j <= i; j++) {
                                cmat[i * q + j] += r * xr[i] * xr[j];
                            }
                        }
                    } else {
                        ndead++;
                        deadwt += d.weight[k];
                        denom2 += r;
                        for (int i = 0; i < q; i++) {
                            u2[i] += gt * d.weight[k] * xr[i];
                            a2[i] += r * xr[i];
                            for (int j = 0; j <= i; j++) {
                                cmat2[i * q + j] += r * xr[i] * xr[j];
                            }
                        }
                    }
                    k--;
                }
                if (d.start != null) {
                    while (rm >= lo && d.start[d.startOrder[rm]] >= dtime) {
                        int r0 = d.startOrder[rm--];
                        double r = risk[r0];
                        denom -= r;
                        for (int i = 0; i < q; i++) {
                            double xi = d.x[r0 * p + keep[i]];
                            a[i] -= r * xi;
                            for (int j = 0; j <= i; j++) {
                                cmat[i * q + j] -= r * xi * d.x[r0 * p + keep[j]];
                            }
                        }
                    }
                }
                if (ndead == 0) {
                    continue;
                }
                int terms = efron ? ndead : 1;
                double wtave = deadwt / terms;
                for (int kk = 0; kk < terms; kk++) {
                    denom += denom2 / terms;
                    for (int i = 0; i < q; i++) {
                        a[i] += a2[i] / terms;
                        double mean = a[i] / denom;
                        u2[i] -= gt * wtave * mean;
                        for (int j = 0; j <= i; j++) {
                            cmat[i * q + j] += cmat2[i * q + j] / terms;
                            double temp = wtave * (cmat[i * q + j] - mean * a[j]) / denom;
                            imat[i * m + j] += temp;
                            imat[(i + q) * m + j] += gt * temp;
                            imat[(i + q) * m + (j + q)] += gt * gt * temp;
                        }
                    }
                }
                Arrays.fill(a2, 0);
                Arrays.fill(cmat2, 0);
            }
        }
        // symmetric fill: I11 and I22 from their lower triangles; I12 is symmetric in (i, j)
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < i; j++) {
                imat[j * m + i] = imat[i * m + j];
                imat[(j + q) * m + (i + q)] = imat[(i + q) * m + (j + q)];
                imat[(j + q) * m + i] = imat[(i + q) * m + j];
            }
        }
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < q; j++) {
                imat[i * m + (j + q)] = imat[(j + q) * m + i];
            }
        }
    }
}
