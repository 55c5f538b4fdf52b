package io.survkit.regression;

import io.survkit.data.ModelFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.data.SurvivalData;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the Cox fit on random data sets (seeded). */
class CoxPropertiesTest {

    /** A random data set: integer-ish times (ties), ~70 % events, a numeric and a 3-level factor. */
    private static final class Gen {
        final int n;
        final double[] time;
        final double[] start;
        final boolean[] event;
        final double[] x;
        final String[] g;
        final String[] strata;
        final double[] w;

        Gen(long seed, int n, boolean ties, boolean counting, boolean stratified, boolean weighted) {
            Random r = new Random(seed);
            this.n = n;
            time = new double[n];
            start = counting ? new double[n] : null;
            event = new boolean[n];
            x = new double[n];
            g = new String[n];
            strata = stratified ? new String[n] : null;
            w = weighted ? new double[n] : null;
            for (int i = 0; i < n; i++) {
                x[i] = Math.round(r.nextGaussian() * 100) / 10.0;
                g[i] = "abc".substring(r.nextInt(3)).substring(0, 1);
                double rate = Math.exp(0.3 * x[i] / 10 + ("b".equals(g[i]) ? 0.5 : 0));
                double t = -Math.log(1 - r.nextDouble()) / rate * 10;
                time[i] = ties ? 1 + Math.floor(t) : 0.01 + t;
                event[i] = r.nextDouble() < 0.7;
                if (counting) {
                    start[i] = r.nextDouble() < 0.5 ? 0 : Math.floor(r.nextDouble() * time[i] * 10) / 10.0;
                    if (start[i] >= time[i]) {
                        start[i] = 0;
                    }
                }
                if (stratified) {
                    strata[i] = r.nextBoolean() ? "s1" : "s2";
                }
                if (weighted) {
                    w[i] = 1 + r.nextInt(3);
                }
            }
            event[0] = true;
        }

        ModelFrame data(int[] perm, double xScale) {
            return ModelFrame.of(raw(perm, xScale), strata == null ? "x + factor(g, ref = a)"
                    : "x + factor(g, ref = a) + strata(s)");
        }

        SurvivalData raw(int[] perm, double xScale) {
            double[] t = new double[n];
            double[] st = start == null ? null : new double[n];
            boolean[] e = new boolean[n];
            double[] xx = new double[n];
            String[] gg = new String[n];
            String[] ss = strata == null ? null : new String[n];
            double[] ww = w == null ? null : new double[n];
            for (int k = 0; k < n; k++) {
                int i = perm[k];
                t[k] = time[i];
                if (st != null) {
                    st[k] = start[i];
                }
                e[k] = event[i];
                xx[k] = x[i] * xScale;
                gg[k] = g[i];
                if (ss != null) {
                    ss[k] = strata[i];
                }
                if (ww != null) {
                    ww[k] = w[i];
                }
            }
            SurvivalData.Builder b = SurvivalData.builder().time("t", t).event("e", e).numeric("x", xx).text("g", gg);
            if (st != null) {
                b.start("start", st);
                String[] id = new String[n];
                for (int k = 0; k < n; k++) {
                    id[k] = "id" + (perm[k] % Math.max(1, n / 2)); // two intervals per subject
                }
                b.cluster("id", id);
            }
            if (ss != null) {
                b.text("s", ss);
            }
            if (ww != null) {
                b.weights("w", ww);
            }
            return b.build();
        }

        ModelFrame data() {
            return data(identity(n), 1);
        }
    }

    static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    static int[] shuffle(int n, long seed) {
        int[] p = identity(n);
        Random r = new Random(seed ^ 0x5DEECE66DL);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    static void close(double e, double a, double rel, String what) {
        assertTrue(Math.abs(a - e) <= rel * Math.max(1e-3, Math.abs(e)), () -> what + ": " + e + " vs " + a);
    }

    static boolean usable(CoxResult f) {
        return f.converged() && f.warnings().isEmpty();
    }

    @Property(seed = "42", tries = 200)
    void rowOrderDoesNotMatter(@ForAll long seed, @ForAll @IntRange(min = 12, max = 60) int n,
            @ForAll boolean counting, @ForAll boolean stratified, @ForAll boolean weighted, @ForAll boolean efron) {
        Gen gen = new Gen(seed, n, true, counting, stratified, weighted);
        CoxRegression cox = CoxRegression.withDefaults().withTies(efron ? TieMethod.EFRON : TieMethod.BRESLOW)
                .withVariance(CoxVariance.ROBUST);
        CoxResult a;
        try {
            a = cox.fit(gen.data());
        } catch (IllegalArgumentException ex) {
            Assume.that(false); // e.g. a factor level or all events lost in a tiny sample
            return;
        }
        Assume.that(usable(a));
        int[] perm = shuffle(n, seed);
        CoxResult b = cox.fit(gen.data(perm, 1));
        assertEquals(a.iterations(), b.iterations());
        for (int j = 0; j < a.coefficientCount(); j++) {
            close(a.coefficients()[j], b.coefficients()[j], 1e-9, "coef " + j);
            close(a.standardErrors()[j], b.standardErrors()[j], 1e-9, "se " + j);
            close(a.robustStandardErrors().orElseThrow()[j], b.robustStandardErrors().orElseThrow()[j], 1e-9, "robust se " + j);
        }
        close(a.logLikelihood(), b.logLikelihood(), 1e-12, "loglik");
        close(a.scoreTest().statistic(), b.scoreTest().statistic(), 1e-9, "robust score");
        close(a.modelScoreTest().statistic(), b.modelScoreTest().statistic(), 1e-9, "score");
        close(a.concordance(), b.concordance(), 1e-9, "concordance");
        close(a.concordanceStandardError(), b.concordanceStandardError(), 1e-8, "concordance se");
        double[] ha = a.prediction().baselineHazard().cumulativeHazards();
        double[] hb = b.prediction().baselineHazard().cumulativeHazards();
        for (int i = 0; i < ha.length; i++) {
            close(ha[i], hb[i], 1e-9, "baseline " + i);
        }
        double[] ma = a.residuals().martingale();
        double[] mb = b.residuals().martingale();
        for (int k = 0; k < n; k++) {
            close(ma[perm[k]], mb[k], 1e-8, "martingale " + k);
        }
        ProportionalHazardsResult za;
        try {
            za = ProportionalHazardsTest.withDefaults().test(a);
        } catch (IllegalArgumentException singular) {
            return; // tiny strata: the time-interaction information is singular (R's solve() refuses it too)
        }
        ProportionalHazardsResult zb = ProportionalHazardsTest.withDefaults().test(b);
        close(za.global().statistic(), zb.global().statistic(), 1e-6, "zph global");
    }

    @Property(seed = "42", tries = 200)
    void scalingACovariateScalesItsCoefficient(@ForAll long seed, @ForAll @IntRange(min = 15, max = 60) int n,
            @ForAll @IntRange(min = -3, max = 3) int log10, @ForAll boolean counting) {
        Gen gen = new Gen(seed, n, true, counting, false, false);
        double c = Math.pow(10, log10) * 1.7;
        CoxResult a;
        try {
            a = CoxRegression.withDefaults().fit(gen.data());
        } catch (IllegalArgumentException ex) {
            Assume.that(false);
            return;
        }
        Assume.that(usable(a));
        CoxResult b = CoxRegression.withDefaults().fit(gen.data(identity(n), c));
        close(a.coefficients()[0], b.coefficients()[0] * c, 1e-8, "coef x / c");
        for (int j = 1; j < a.coefficientCount(); j++) {
            close(a.coefficients()[j], b.coefficients()[j], 1e-8, "other coef " + j);
        }
        close(a.standardErrors()[0], b.standardErrors()[0] * c, 1e-8, "se x / c");
        close(a.zStatistics()[0], b.zStatistics()[0], 1e-8, "z");
        close(a.logLikelihood(), b.logLikelihood(), 1e-12, "loglik");
        close(a.concordance(), b.concordance(), 1e-12, "concordance");
    }

    /**
     * With no tied event times, the Cox score test of a two-group indicator is the log-rank test:
     * chi2 = (O1 - E1)^2 / V with E1 = sum n1/n and V = sum n1 n0 / n^2 over event times.
     */
    @Property(seed = "42", tries = 200)
    void twoGroupScoreTestIsTheLogRank(@ForAll long seed, @ForAll @IntRange(min = 6, max = 80) int n,
            @ForAll boolean efron) {
        Random r = new Random(seed);
        double[] t = new double[n];
        boolean[] e = new boolean[n];
        double[] grp = new double[n];
        for (int i = 0; i < n; i++) {
            grp[i] = r.nextBoolean() ? 1 : 0;
            t[i] = 0.001 + r.nextDouble() * (grp[i] == 1 ? 5 : 8); // continuous: no ties
            e[i] = r.nextDouble() < 0.75;
        }
        // log-rank by its formula, on the sorted times
        int[] ord = io.survkit.internal.Sorting.order(t);
        double o1 = 0;
        double e1 = 0;
        double v = 0;
        double n1 = 0;
        for (double gi : grp) {
            n1 += gi;
        }
        double nn = n;
        for (int k = 0; k < n; k++) {
            int i = ord[k];
            if (e[i]) {
                o1 += grp[i];
                e1 += n1 / nn;
                v += n1 * (nn - n1) / (nn * nn);
            }
            n1 -= grp[i];
            nn -= 1;
        }
        Assume.that(v > 1e-6);
        double chisq = (o1 - e1) * (o1 - e1) / v;
        ModelFrame d = ModelFrame.of(SurvivalData.builder().time("t", t).event("e", e).numeric("arm", grp).build(), "arm");
        CoxResult f = CoxRegression.withDefaults().withTies(efron ? TieMethod.EFRON : TieMethod.BRESLOW)
                .withMaxIterations(0).fit(d);
        close(chisq, f.scoreTest().statistic(), 1e-10, "score test = log-rank");
    }

    @Property(seed = "42", tries = 100)
    void onlyTheOrderOfTimesMatters(@ForAll long seed, @ForAll @IntRange(min = 12, max = 50) int n,
            @ForAll boolean stratified) {
        Gen gen = new Gen(seed, n, true, false, stratified, false);
        CoxResult a;
        try {
            a = CoxRegression.withDefaults().fit(gen.data());
        } catch (IllegalArgumentException ex) {
            Assume.that(false);
            return;
        }
        Assume.that(usable(a));
        for (int i = 0; i < n; i++) {
            gen.time[i] = 3 + gen.time[i] * gen.time[i];
        }
        CoxResult b = CoxRegression.withDefaults().fit(gen.data());
        for (int j = 0; j < a.coefficientCount(); j++) {
            close(a.coefficients()[j], b.coefficients()[j], 1e-12, "coef " + j);
        }
        close(a.logLikelihood(), b.logLikelihood(), 1e-13, "loglik");
        close(a.concordance(), b.concordance(), 1e-13, "concordance");
    }

    /** With Breslow ties a case weight of 2 is the same as the row twice. */
    @Property(seed = "42", tries = 100)
    void weightTwoIsADuplicatedRow(@ForAll long seed, @ForAll @IntRange(min = 12, max = 50) int n) {
        Gen gen = new Gen(seed, n, true, false, false, false);
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        w[1] = 2;
        int[] dup = new int[n + 1];
        for (int i = 0; i < n; i++) {
            dup[i] = i;
        }
        dup[n] = 1;
        CoxRegression cox = CoxRegression.withDefaults().withTies(TieMethod.BRESLOW);
        ModelFrame weighted;
        ModelFrame duplicated;
        try {
            SurvivalData base = gen.raw(identity(n), 1);
            weighted = ModelFrame.of(SurvivalData.builder().time("t", base.numbers("t")).event("e", events(base))
                    .numeric("x", base.numbers("x")).weights("w", w).build(), "x");
            SurvivalData b2 = base.rows(dup);
            duplicated = ModelFrame.of(SurvivalData.builder().time("t", b2.numbers("t")).event("e", events(b2))
                    .numeric("x", b2.numbers("x")).build(), "x");
        } catch (IllegalArgumentException ex) {
            Assume.that(false);
            return;
        }
        CoxResult a = cox.fit(weighted);
        Assume.that(usable(a));
        CoxResult b = cox.fit(duplicated);
        close(a.coefficients()[0], b.coefficients()[0], 1e-9, "coef");
        close(a.standardErrors()[0], b.standardErrors()[0], 1e-9, "se");
        close(a.logLikelihood(), b.logLikelihood(), 1e-12, "loglik");
        close(a.concordance(), b.concordance(), 1e-12, "concordance");
    }

    private static boolean[] events(SurvivalData d) {
        int[] st = d.statuses();
        boolean[] e = new boolean[st.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = st[i] > 0;
        }
        return e;
    }

    /** Residual identities: martingale residuals sum to 0; score and Schoenfeld residuals sum to the score (0). */
    @Property(seed = "42", tries = 200)
    void residualsSumToTheScore(@ForAll long seed, @ForAll @IntRange(min = 12, max = 60) int n,
            @ForAll boolean counting, @ForAll boolean stratified, @ForAll boolean efron) {
        Gen gen = new Gen(seed, n, true, counting, stratified, false);
        CoxResult f;
        try {
            f = CoxRegression.withDefaults().withTies(efron ? TieMethod.EFRON : TieMethod.BRESLOW).fit(gen.data());
        } catch (IllegalArgumentException ex) {
            Assume.that(false);
            return;
        }
        Assume.that(usable(f));
        double m = 0;
        for (double v : f.residuals().martingale()) {
            m += v;
        }
        close(0, m, 1e-9, "sum of martingale residuals");
        double[] u = f.score();
        double[][] sr = f.residuals().score();
        double[][] sch = f.residuals().schoenfeld();
        for (int j = 0; j < f.coefficientCount(); j++) {
            double s1 = 0;
            double s2 = 0;
            for (double[] row : sr) {
                s1 += row[j];
            }
            for (double[] row : sch) {
                s2 += row[j];
            }
            close(u[j], s1, 1e-8, "score residual sum " + j);
            close(u[j], s2, 1e-8, "Schoenfeld residual sum " + j);
        }
        BaselineHazard h = f.prediction().baselineHazard();
        for (int i = 1; i < h.size(); i++) {
            if (h.stratum(i).isEmpty() || h.stratum(i).equals(h.stratum(i - 1))) {
                assertTrue(h.cumulativeHazard(i) >= h.cumulativeHazard(i - 1), "baseline non-decreasing");
            }
        }
    }
}
