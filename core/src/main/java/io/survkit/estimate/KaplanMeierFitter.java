package io.survkit.estimate;

import io.survkit.data.CountTable;
import io.survkit.data.Factor;
import io.survkit.data.ModelFrame;
import io.survkit.internal.Check;
import io.survkit.internal.Sorting;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits rows into curves, aggregates them per distinct time and runs {@link KaplanMeierKernel}.
 *
 * <p>Fast path (unweighted right-censored rows, Greenwood): per curve the event times and the
 * censoring times are copied into two primitive buffers and each sorted once
 * ({@link Arrays#sort(double[], int, int)}); one merge of the two sorted runs counts the distinct
 * times, a second fills the counts and runs the Kaplan-Meier recursion. Memory: 8 bytes per row
 * for the buffers plus the curve itself.
 *
 * <p>General path (case weights, delayed entry, jackknife): one sort of the exit times (and of the
 * entry times) grouped stably by curve, then R's backward pass over the rows to form the weighted
 * number at risk, events and censorings at each distinct exit time.
 */
final class KaplanMeierFitter {
    private KaplanMeierFitter() {
    }

    // ---------------------------------------------------------------- subject rows

    static KaplanMeierResult fit(KaplanMeier km, ModelFrame data) {
        List<String> warnings = new ArrayList<>(data.warnings());
        boolean fractional = data.hasFractionalWeights();
        boolean jackknife = switch (km.variance()) {
            case GREENWOOD -> false;
            case INFINITESIMAL_JACKKNIFE -> true;
            case AUTO -> fractional || data.cluster().isPresent();
        };
        if (jackknife && km.variance() == KaplanMeierVariance.INFINITESIMAL_JACKKNIFE && data.hasStart()
                && data.cluster().isEmpty()) {
            throw Check.fail("the infinitesimal-jackknife variance of counting-process (start, stop] rows needs a "
                    + "cluster column naming the subject of each row (R: id or cluster option required)");
        }
        if (!jackknife && data.cluster().isPresent()) {
            warnings.add(Check.format("cluster column '%s' ignored: the Greenwood variance does not use clusters "
                    + "(use KaplanMeierVariance.AUTO or INFINITESIMAL_JACKKNIFE for a clustered variance)",
                    data.cluster().orElseThrow().name()));
        }
        if (!jackknife && fractional) {
            warnings.add(Check.format("case weights in '%s' are not whole numbers but the Greenwood variance treats "
                    + "them as frequencies; R's default for such weights is the infinitesimal jackknife "
                    + "(KaplanMeierVariance.AUTO)", data.weightsColumn().orElse(null)));
        }
        Factor g = data.groups().orElse(null);
        Factor s = data.strata().orElse(null);
        int strata = s == null ? 1 : s.levelCount();
        int curves = (g == null ? 1 : g.levelCount()) * strata;
        Settings set = new Settings(km, jackknife);
        Fitted f = !data.hasStart() && !data.hasWeights() && !jackknife && set.productLimitNelsonAalen()
                ? fast(data, g, s, strata, curves, set)
                : general(data, g, s, strata, curves, set);
        int dropped = droppedBeforeStart(data, set.startTime);
        if (dropped == data.rowCount()) {
            throw Check.fail("every row leaves before the start time %s (R: all observations removed by "
                    + "start.time)", set.startTime);
        }
        if (dropped > 0) {
            warnings.add(Check.format("%d rows leave before the start time %s and are not used (R: start.time)",
                    dropped, set.startTime));
        }
        List<SurvivalCurve> out = new ArrayList<>();
        for (int k = 0; k < curves; k++) {
            String name = curveName(g, s, strata, k);
            if (f.curves[k] == null) {
                warnings.add(Check.format("%s has no rows; it has no curve", name));
            } else {
                out.add(f.curves[k]);
            }
        }
        return new KaplanMeierResult(withOrigin(out, set), data.omittedRows(), warnings, set.scale(), km.confidenceIntervalType(),
                km.confidenceLevel(), jackknife ? KaplanMeierVariance.INFINITESIMAL_JACKKNIFE : KaplanMeierVariance.GREENWOOD);
    }

    private static int droppedBeforeStart(ModelFrame data, double startTime) {
        int dropped = 0;
        for (int i = 0; i < data.rowCount(); i++) {
            if (!(data.time(i) >= startTime)) {
                dropped++;
            }
        }
        return dropped;
    }

    /**
     * Gives every curve R's time origin: {@code start.time} when given, else min(0, every curve's
     * times) for the restricted mean and the landmarks ({@code survfit0}, {@code survmean}) and 0 for
     * the quantiles ({@code quantile.survfit}).
     */
    static List<SurvivalCurve> withOrigin(List<SurvivalCurve> curves, Settings set) {
        boolean given = set.startTime != Double.NEGATIVE_INFINITY;
        double min = 0;
        for (SurvivalCurve c : curves) {
            if (c.size() > 0) {
                min = Math.min(min, c.time(0));
            }
        }
        double origin = given ? set.startTime : min;
        double quantileOrigin = given ? set.startTime : 0;
        if (origin == 0 && quantileOrigin == 0) {
            return curves;
        }
        List<SurvivalCurve> out = new ArrayList<>(curves.size());
        for (SurvivalCurve c : curves) {
            out.add(c.withOrigin(origin, quantileOrigin));
        }
        return out;
    }

    /** R's label of curve {@code k} (group-major): "g=a", "strata(s)=x", "g=a, strata(s)=x" or "all". */
    private static String curveName(Factor g, Factor s, int strata, int k) {
        String gl = g == null ? null : g.label(k / strata);
        String sl = s == null ? null : "strata(" + s.name() + ")=" + s.label(k % strata);
        if (gl == null && sl == null) {
            return "all";
        }
        if (gl == null) {
            return sl;
        }
        return sl == null ? gl : gl + ", " + sl;
    }

    /**
     * R's label of a {@code strata(s)} term level: {@code "strata(s)=x"}, or {@code "strata(s)=s=1"}
     * when the column is numeric (every level a number).
     */
    static String strataLabel(String name, List<String> levels, int code) {
        boolean numeric = true;
        for (String l : levels) {
            try {
                Double.parseDouble(l.strip());
            } catch (NumberFormatException e) {
                numeric = false;
                break;
            }
        }
        return "strata(" + name + ")=" + (numeric ? name + "=" : "") + levels.get(code);
    }

    private static int curveOf(Factor g, Factor s, int strata, int i) {
        return (g == null ? 0 : g.code(i)) * strata + (s == null ? 0 : s.code(i));
    }

    /** Options shared by every curve of one fit. */
    static final class Settings {
        final ConfidenceIntervalType type;
        final double level;
        final double z;
        final boolean jackknife;
        final SurvivalEstimator stype;
        final HazardEstimator ctype;
        /** R's start.time: rows leaving before it are dropped; -Infinity when not given. */
        final double startTime;
        /** The weights the kernels see are the case weights divided by this (a power of two). */
        final double weightScale;

        Settings(KaplanMeier km, boolean jackknife) {
            this(km.confidenceIntervalType(), km.confidenceLevel(), km.z(), jackknife, km.survivalEstimator(), km.hazardEstimator(),
                    km.startTime().orElse(Double.NEGATIVE_INFINITY), 1);
        }

        private Settings(ConfidenceIntervalType type, double level, double z, boolean jackknife,
                SurvivalEstimator stype, HazardEstimator ctype, double startTime, double weightScale) {
            this.type = type;
            this.level = level;
            this.z = z;
            this.jackknife = jackknife;
            this.stype = stype;
            this.ctype = ctype;
            this.startTime = startTime;
            this.weightScale = weightScale;
        }

        Settings withWeightScale(double s) {
            return new Settings(type, level, z, jackknife, stype, ctype, startTime, s);
        }

        /** Kaplan-Meier survival with the Nelson-Aalen hazard (R's type 1, the default). */
        boolean productLimitNelsonAalen() {
            return stype == SurvivalEstimator.PRODUCT_LIMIT && ctype == HazardEstimator.NELSON_AALEN;
        }

        /** R: {@code logse = (ncluster == 0 || type == 2 || type == 4)}, types 2 and 4 = Fleming-Harrington hazard. */
        StandardErrorScale scale() {
            return jackknife && ctype == HazardEstimator.NELSON_AALEN ? StandardErrorScale.SURVIVAL
                    : StandardErrorScale.LOG;
        }
    }

    /** Curves by index (null = no rows). */
    static final class Fitted {
        final SurvivalCurve[] curves;

        Fitted(int k) {
            curves = new SurvivalCurve[k];
        }
    }

    /** Unweighted right-censored rows, Greenwood variance. */
    private static Fitted fast(ModelFrame data, Factor g, Factor s, int strata, int curves, Settings set) {
        int n = data.rowCount();
        int[] eventStart = new int[curves + 1];
        int[] censorStart = new int[curves + 1];
        boolean one = curves == 1;
        double t0 = set.startTime;
        for (int i = 0; i < n; i++) {
            if (!(data.time(i) >= t0)) {
                continue;
            }
            int k = one ? 0 : curveOf(g, s, strata, i);
            if (data.isEvent(i)) {
                eventStart[k + 1]++;
            } else {
                censorStart[k + 1]++;
            }
        }
        for (int k = 0; k < curves; k++) {
            eventStart[k + 1] += eventStart[k];
            censorStart[k + 1] += censorStart[k];
        }
        double[] ev = new double[eventStart[curves]];
        double[] ce = new double[censorStart[curves]];
        int[] ep = Arrays.copyOf(eventStart, curves);
        int[] cp = Arrays.copyOf(censorStart, curves);
        for (int i = 0; i < n; i++) {
            if (!(data.time(i) >= t0)) {
                continue;
            }
            int k = one ? 0 : curveOf(g, s, strata, i);
            double t = data.time(i) + 0.0; // -0.0 -> 0.0
            if (data.isEvent(i)) {
                ev[ep[k]++] = t;
            } else {
                ce[cp[k]++] = t;
            }
        }
        Fitted f = new Fitted(curves);
        for (int k = 0; k < curves; k++) {
            int e0 = eventStart[k];
            int e1 = eventStart[k + 1];
            int c0 = censorStart[k];
            int c1 = censorStart[k + 1];
            if (e0 == e1 && c0 == c1) {
                continue;
            }
            Sorting.sortRange(ev, e0, e1);
            Sorting.sortRange(ce, c0, c1);
            f.curves[k] = mergeCurve(curveName(g, s, strata, k), ev, e0, e1, ce, c0, c1, set);
        }
        return f;
    }

    /**
     * Merges one curve's sorted event times ev[e0, e1) and censoring times ce[c0, c1) into distinct
     * times and runs the Greenwood recursion ({@link KaplanMeierKernel#greenwood}, fused here with
     * whole-number counts).
     */
    private static SurvivalCurve mergeCurve(String name, double[] ev, int e0, int e1, double[] ce, int c0, int c1,
            Settings set) {
        int m = 0;
        int a = e0;
        int b = c0;
        while (a < e1 || b < c1) {
            double t = a < e1 ? (b < c1 ? Math.min(ev[a], ce[b]) : ev[a]) : ce[b];
            while (a < e1 && ev[a] == t) {
                a++;
            }
            while (b < c1 && ce[b] == t) {
                b++;
            }
            m++;
        }
        double[] time = new double[m];
        int[] risk = new int[m];
        int[] events = new int[m];
        int[] censored = new int[m];
        double[] surv = new double[m];
        double[] se = new double[m];
        double[] chaz = new double[m];
        double[] seChaz = new double[m];
        int rows = (e1 - e0) + (c1 - c0);
        int atRisk = rows;
        double km = 1;
        double nelson = 0;
        double v1 = 0;
        double v2 = 0;
        a = e0;
        b = c0;
        for (int j = 0; j < m; j++) {
            double t = a < e1 ? (b < c1 ? Math.min(ev[a], ce[b]) : ev[a]) : ce[b];
            int d = 0;
            while (a < e1 && ev[a] == t) {
                a++;
                d++;
            }
            int c = 0;
            while (b < c1 && ce[b] == t) {
                b++;
                c++;
            }
            time[j] = t;
            risk[j] = atRisk;
            events[j] = d;
            censored[j] = c;
            if (d > 0) { // as KaplanMeierKernel.greenwood
                double ni = atRisk;
                double di = d;
                nelson += di / ni;
                v2 += di / ni / ni;
                km *= (ni - di) / ni;
                v1 += di / ni / (ni - di); // (d / n) / (n - d): no overflow of n (n - d) with large weighted counts
            }
            surv[j] = km;
            se[j] = Math.sqrt(v1);
            chaz[j] = nelson;
            seChaz[j] = Math.sqrt(v2);
            atRisk -= d + c;
        }
        return new SurvivalCurve(name, rows, time, Counts.of(risk, events, censored), surv, se, chaz, seChaz,
                StandardErrorScale.LOG, set.type, set.level, set.z);
    }

    /** Weighted and/or counting-process rows, any variance. */
    private static Fitted general(ModelFrame data, Factor g, Factor s, int strata, int curves, Settings set) {
        int n = data.rowCount();
        double[] time = data.times();
        double[] start = data.starts().orElse(null);
        double[] w = new double[n];
        boolean[] event = new boolean[n];
        int[] code = new int[n];
        double maxWeight = 0;
        for (int i = 0; i < n; i++) {
            w[i] = data.weight(i);
            maxWeight = Math.max(maxWeight, w[i]);
            event[i] = data.isEvent(i);
            // rows leaving before R's start.time go to an extra code past the last curve, never fitted
            code[i] = time[i] >= set.startTime ? curveOf(g, s, strata, i) : curves;
        }
        // The jackknife variance is scale-free (S and its influence do not change when every weight is
        // multiplied by c), so it is computed on weights divided by a power of two near the largest weight:
        // in (1/2, 1], far from underflow (weights of 1e-160 square to 0) and overflow (1e300 squared).
        // Power-of-two scaling is exact, so the reported counts (scaled back) are the weighted sums.
        double scale = set.jackknife && set.productLimitNelsonAalen() && maxWeight > 0
                ? Math.scalb(1.0, Math.getExponent(maxWeight) + 1) : 1;
        if (scale != 1) {
            for (int i = 0; i < n; i++) {
                w[i] /= scale;
            }
        }
        set = set.withWeightScale(scale);
        int[] sort2 = Sorting.order(time);
        int[] offset = Sorting.groupStable(sort2, code, curves + 1);
        int[] sort1 = null;
        if (start != null) {
            sort1 = Sorting.order(start);
            Sorting.groupStable(sort1, code, curves + 1);
        }
        Factor cluster = set.jackknife ? data.cluster().orElse(null) : null;
        int[] clusterMap = cluster == null ? null : new int[cluster.levelCount()];
        Fitted f = new Fitted(curves);
        for (int k = 0; k < curves; k++) {
            int from = offset[k];
            int to = offset[k + 1];
            if (from == to) {
                continue;
            }
            f.curves[k] = generalCurve(curveName(g, s, strata, k), time, start, event, w, sort2, sort1, from, to,
                    cluster, clusterMap, set);
        }
        return f;
    }

    private static SurvivalCurve generalCurve(String name, double[] time, double[] start, boolean[] event, double[] w,
            int[] sort2, int[] sort1, int from, int to, Factor cluster, int[] clusterMap, Settings set) {
        int m = 0;
        for (int p = from; p < to; p++) {
            if (p == from || time[sort2[p]] != time[sort2[p - 1]]) {
                m++;
            }
        }
        double[] ct = new double[m];
        double[] risk = new double[m];
        double[] events = new double[m];
        double[] censored = new double[m];
        double[] eventRows = new double[m];
        boolean closedForm = set.jackknife && start == null && cluster == null && set.productLimitNelsonAalen();
        double[] w2e = closedForm ? new double[m] : null;
        double[] w2c = closedForm ? new double[m] : null;
        // R survfitkm pass 1: backward over exit times; add the rows leaving at t, then drop the rows
        // entering at or after t (counting process)
        int person2 = to - 1;
        int person1 = to - 1;
        double wt1 = 0;
        for (int j = m - 1; j >= 0; j--) {
            double t = time[sort2[person2]];
            ct[j] = t + 0.0;
            double wt2 = 0;
            double wt3 = 0;
            double q2 = 0;
            double q3 = 0;
            for (; person2 >= from; person2--) {
                int r = sort2[person2];
                if (time[r] != t) {
                    break;
                }
                wt1 += w[r];
                if (event[r]) {
                    wt2 += w[r];
                    q2 += w[r] * w[r];
                    eventRows[j]++;
                } else {
                    wt3 += w[r];
                    q3 += w[r] * w[r];
                }
            }
            if (start != null) {
                for (; person1 >= from; person1--) {
                    int r = sort1[person1];
                    if (start[r] < t) {
                        break;
                    }
                    wt1 -= w[r];
                }
            }
            risk[j] = wt1;
            events[j] = wt2;
            censored[j] = wt3;
            if (closedForm) {
                w2e[j] = q2;
                w2c[j] = q3;
            }
        }
        double[] surv = new double[m];
        double[] se = new double[m];
        double[] chaz = new double[m];
        double[] seChaz = new double[m];
        if (!set.jackknife && set.productLimitNelsonAalen()) {
            KaplanMeierKernel.greenwood(m, risk, events, surv, se, chaz, seChaz);
        } else if (!set.jackknife) {
            KaplanMeierKernel.simple(m, risk, events, eventRows, set.stype, set.ctype, surv, se, chaz, seChaz);
        } else if (closedForm) {
            KaplanMeierKernel.jackknifeRows(m, risk, events, w2e, w2c, surv, se, chaz, seChaz);
        } else {
            int[] id = new int[time.length];
            int nid = 0;
            if (cluster == null) {
                for (int p = from; p < to; p++) {
                    id[sort2[p]] = nid++;
                }
            } else {
                Arrays.fill(clusterMap, -1);
                for (int p = from; p < to; p++) {
                    int c = cluster.code(sort2[p]);
                    if (clusterMap[c] < 0) {
                        clusterMap[c] = nid++;
                    }
                    id[sort2[p]] = clusterMap[c];
                }
            }
            KaplanMeierKernel.jackknifeRecursion(m, ct, risk, events, eventRows, time, start, event, w, sort2, sort1,
                    from, to, id, nid, set.stype, set.ctype, surv, se, chaz, seChaz);
        }
        if (set.weightScale != 1) {
            for (int j = 0; j < m; j++) {
                risk[j] *= set.weightScale;
                events[j] *= set.weightScale;
                censored[j] *= set.weightScale;
            }
        }
        return new SurvivalCurve(name, to - from, ct, Counts.of(risk, events, censored), surv, se, chaz, seChaz,
                set.scale(), set.type, set.level, set.z);
    }

    // ---------------------------------------------------------------- counts

    static KaplanMeierResult fit(KaplanMeier km, CountTable table) {
        List<String> warnings = new ArrayList<>(table.warnings());
        Settings set = new Settings(km, false);
        boolean fractional = false;
        for (int c = 0; c < table.size(); c++) {
            fractional |= !isWhole(table.events(c)) || !isWhole(table.censored(c)) || !isWhole(table.entered(c));
        }
        if (fractional && set.ctype == HazardEstimator.FLEMING_HARRINGTON) {
            throw Check.fail("the Fleming-Harrington hazard needs the number of event rows at each time, which "
                    + "counts that are not whole numbers (weighted sums) do not give; fit the subject rows instead");
        }
        if (fractional) {
            warnings.add("the counts are not whole numbers (weighted sums); the Greenwood variance treats them as "
                    + "frequencies. R's default for non-integer case weights, the infinitesimal jackknife, needs "
                    + "subject rows (fit a SurvivalData)");
        }
        int groups = table.groupLevels().size();
        int strata = table.strataLevels().size();
        List<SurvivalCurve> out = new ArrayList<>();
        for (int gi = 0; gi < groups; gi++) {
            for (int si = 0; si < strata; si++) {
                int block = si * groups + gi;
                String name = tableCurveName(table, gi, si);
                SurvivalCurve c = tableCurve(name, table, table.blockStart(block), table.blockStart(block + 1), set);
                if (c == null) {
                    warnings.add(Check.format("%s has no rows; it has no curve", name));
                } else {
                    out.add(c);
                }
            }
        }
        return new KaplanMeierResult(withOrigin(out, set), table.omittedRows(), warnings, StandardErrorScale.LOG,
                km.confidenceIntervalType(), km.confidenceLevel(), KaplanMeierVariance.GREENWOOD);
    }

    private static boolean isWhole(double v) {
        return v == Math.rint(v);
    }

    private static String tableCurveName(CountTable t, int g, int s) {
        String gl = t.groupName().map(name -> name + "=" + t.groupLevels().get(g)).orElse(null);
        String sl = t.strataName().map(name -> strataLabel(name, t.strataLevels(), s)).orElse(null);
        if (gl == null && sl == null) {
            return "all";
        }
        if (gl == null) {
            return sl;
        }
        return sl == null ? gl : gl + ", " + sl;
    }

    private static boolean exits(CountTable t, int c) {
        return t.rows(c) > 0 || t.events(c) > 0 || t.censored(c) > 0;
    }

    private static SurvivalCurve tableCurve(String name, CountTable t, int from, int to, Settings set) {
        int m = 0;
        double rows = 0;
        for (int c = from; c < to; c++) {
            if (exits(t, c) && t.time(c) >= set.startTime) {
                m++;
                rows += t.rows(c);
            }
        }
        if (m == 0) {
            return null;
        }
        double[] ct = new double[m];
        double[] risk = new double[m];
        double[] events = new double[m];
        double[] censored = new double[m];
        double acc = 0;
        int j = m;
        for (int c = to - 1; c >= from; c--) {
            acc += t.events(c) + t.censored(c);
            acc -= t.entered(c);
            if (exits(t, c) && t.time(c) >= set.startTime) {
                j--;
                ct[j] = t.time(c) + 0.0;
                risk[j] = acc;
                events[j] = t.events(c);
                censored[j] = t.censored(c);
            }
        }
        double[] surv = new double[m];
        double[] se = new double[m];
        double[] chaz = new double[m];
        double[] seChaz = new double[m];
        KaplanMeierKernel.simple(m, risk, events, events, set.stype, set.ctype, surv, se, chaz, seChaz);
        return new SurvivalCurve(name, (int) Math.round(rows), ct, Counts.of(risk, events, censored), surv, se, chaz,
                seChaz, StandardErrorScale.LOG, set.type, set.level, set.z);
    }
}
