package io.survkit.relative;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.data.Terms;
import io.survkit.internal.Check;
import io.survkit.internal.Cholesky;
import io.survkit.internal.Probabilities;
import io.survkit.internal.Sorting;
import io.survkit.internal.Tolerances;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The log-rank-type test of equal net survival between groups (Grafféo, Castell, Belot and Giorgi,
 * Biometrics 2016), equal to R {@code relsurv::rs.diff(Surv(time, event) ~ group + ratetable(...),
 * ratetable = , precision = 1)} (relsurv 2.2.9). Immutable.
 *
 * <p>On a common grid (days 1, 2, …, max T and every follow-up time), with S_i the subject's
 * population survival integrated exactly over each grid interval: Y^w_h(t) = Σ_{at risk in h} 1/S_i,
 * dN^w_{E,h}(t) = Σ_{events in h at t} 1/S_i − Σ_{at risk in h} ΔΛ_i/S_i. Statistic per group
 * Z_h = Σ_t [dN^w_{E,h} − Y^w_h/Y^w · dN^w_E], covariance Σ_t Σ_k (δ_hk − Y^w_h/Y^w)(δ_lk − Y^w_l/Y^w)
 * Σ_{events in k at t} S_i⁻²; the test is Z' V⁻¹ Z over all groups but the last, on K − 1 degrees
 * of freedom. Cost O(n log n × cells crossed + grid days × occupied cells) ({@link ExactSweepKernel});
 * relsurv's is O(Σ follow-up days).
 *
 * <pre>{@code
 * NetSurvivalComparisonResult t = NetSurvivalComparison.withDefaults()
 *         .withRateTable(slopop).test(data, "sex", "age", "sex", "year");
 * double p = t.pValue();
 * }</pre>
 */
public final class NetSurvivalComparison {
    private static final NetSurvivalComparison DEFAULTS = new NetSurvivalComparison(null);

    private final RateTable table;

    private NetSurvivalComparison(RateTable table) {
        this.table = table;
    }

    /**
     * The US table.
     *
     * @return the shared default instance
     */
    public static NetSurvivalComparison withDefaults() {
        return DEFAULTS;
    }

    /**
     * The same with rate table {@code t}.
     *
     * @param t the rate table
     * @return a new instance with this setting (this one is unchanged)
     */
    public NetSurvivalComparison withRateTable(RateTable t) {
        return new NetSurvivalComparison(Check.notNull("rate table", t));
    }

    /** {@return the rate table} */
    public RateTable rateTable() {
        return table != null ? table : RateTable.us();
    }

    /**
     * Tests the groups of {@code groups} (columns, e.g. {@code "sex"}), with age, sex and date of
     * diagnosis from the named columns.
     *
     * @param data the data
     * @param groups the groups
     * @param age the age
     * @param sex the sex
     * @param year the year
     * @return the result
     */
    public NetSurvivalComparisonResult test(SurvivalData data, String groups, String age, String sex, String year) {
        return test(ModelFrame.of(Check.notNull("data", data), Terms.parse(Check.notNull("groups", groups))),
                Demography.of(data, age, sex, year));
    }

    /**
     * Tests the groups of {@code frame}; {@code demography} describes the rows of its data.
     *
     * @param frame the model frame
     * @param demography the demography
     * @return the result
     * @throws IllegalArgumentException without groups or with fewer than 2 non-empty groups
     */
    public NetSurvivalComparisonResult test(ModelFrame frame, Demography demography) {
        Check.notNull("frame", frame);
        Check.notNull("demography", demography);
        if (frame.groups().isEmpty()) {
            throw Check.fail("the net survival test compares groups: name the group column(s)");
        }
        RateTable rt = rateTable();
        CohortRows rows = CohortRows.of(frame, demography, rt, 1);
        List<CohortRows.Group> groups = new ArrayList<>();
        double maxT = 0;
        for (int g = 0; g < rows.groupCount(); g++) {
            if (rows.group(g).size() > 0) {
                groups.add(rows.group(g));
                for (double t : rows.group(g).time()) {
                    maxT = Math.max(maxT, t);
                }
            }
        }
        int k = groups.size();
        if (k < 2) {
            throw Check.fail("there is only one group in the data (%s); the test needs two or more", groups.isEmpty()
                    ? "none" : groups.get(0).name());
        }
        double[] grid = grid(groups, maxT);
        int m = grid.length;
        double[][] risk = new double[k][m];
        double[][] excess = new double[k][m];
        double[][] events2 = new double[k][m];
        for (int h = 0; h < k; h++) {
            accumulate(rt, groups.get(h), grid, risk[h], excess[h], events2[h]);
        }
        return statistic(groups, risk, excess, events2);
    }

    /** R: sort(union(seq(1, max(Y), by = 1), Y)). */
    private static double[] grid(List<CohortRows.Group> groups, double maxT) {
        int days = (int) Math.floor(maxT);
        int total = days;
        for (CohortRows.Group g : groups) {
            total += g.size();
        }
        double[] all = new double[total];
        int n = 0;
        for (int d = 1; d <= days; d++) {
            all[n++] = d;
        }
        for (CohortRows.Group g : groups) {
            for (double t : g.time()) {
                all[n++] = t;
            }
        }
        Arrays.sort(all);
        int u = 0;
        for (int i = 0; i < n; i++) {
            if (u == 0 || all[i] != all[u - 1]) {
                all[u++] = all[i];
            }
        }
        return Arrays.copyOf(all, u);
    }

    /**
     * relsurv's {@code netfastpinter} for one group: per grid time, Σ_{at risk} 1/S_i, Σ_{events}
     * 1/S_i − Σ_{at risk} ΔΛ_i/S_i and Σ_{events} 1/S_i², S_i at the end of the interval
     * ({@link ExactSweepKernel} on 1/S_i).
     */
    private static void accumulate(RateTable rt, CohortRows.Group g, double[] grid, double[] risk, double[] excess,
            double[] events2) {
        int n = g.size();
        double[] entry = new double[n];
        for (int i = 0; i < n; i++) {
            entry[i] = rt.entryDate(g.age()[i], g.date()[i]);
        }
        ExactSweepKernel k = new ExactSweepKernel(rt, true, false);
        k.run(g.age(), entry, g.sex(), g.time(), Sorting.order(g.time()), grid);
        for (int j = 0; j < grid.length; j++) {
            risk[j] = k.survivalSum[j];
            excess[j] = -k.weightedHazard[j];
        }
        for (int i = 0; i < n; i++) {
            if (g.event()[i] != 0) {
                int j = Arrays.binarySearch(grid, g.time()[i]);
                double v = k.exitValue[i];
                excess[j] += v;
                events2[j] += v * v;
            }
        }
    }

    private static NetSurvivalComparisonResult statistic(List<CohortRows.Group> groups, double[][] risk,
            double[][] excess, double[][] events2) {
        int k = groups.size();
        int m = risk[0].length;
        double[] z = new double[k];
        double[] cov = new double[k * k];
        double[] share = new double[k];
        for (int j = 0; j < m; j++) {
            double total = 0;
            double totalExcess = 0;
            for (int h = 0; h < k; h++) {
                total += risk[h][j];
                totalExcess += excess[h][j];
            }
            if (!(total > 0)) {
                continue;
            }
            for (int h = 0; h < k; h++) {
                share[h] = risk[h][j] / total;
                z[h] += excess[h][j] - share[h] * totalExcess;
            }
            for (int c = 0; c < k; c++) {
                double d2 = events2[c][j];
                if (d2 == 0) {
                    continue;
                }
                for (int a = 0; a < k; a++) {
                    double ya = (a == c ? 1 : 0) - share[a];
                    for (int b = 0; b < k; b++) {
                        cov[a * k + b] += ya * ((b == c ? 1 : 0) - share[b]) * d2;
                    }
                }
            }
        }
        int r = k - 1;
        double[] v = new double[r * r];
        for (int a = 0; a < r; a++) {
            System.arraycopy(cov, a * k, v, a * r, r);
        }
        double stat = Cholesky.quadraticForm(v, r, Arrays.copyOf(z, r), Tolerances.COX_CHOLESKY).statistic();
        // upper tail of chi-square(K - 1): Q(df/2, x/2)
        double p = Probabilities.chiSquareUpper(stat, r);
        List<String> names = new ArrayList<>();
        for (CohortRows.Group g : groups) {
            names.add(g.name());
        }
        return new NetSurvivalComparisonResult(names, z, cov, stat, r, p);
    }

    @Override
    public String toString() {
        return "NetSurvivalComparison[rateTable=" + rateTable().name() + "]";
    }
}
