package io.survkit.estimate;

import io.survkit.data.CountTable;
import io.survkit.data.Factor;
import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.data.Terms;
import io.survkit.internal.Check;
import java.util.ArrayList;
import java.util.List;

/**
 * Cumulative incidence functions for competing risks: the probability of failing from each cause
 * by time t, per group, by Aalen-Johansen (Kalbfleisch-Prentice). Immutable; each {@code with...}
 * returns a new instance.
 *
 * <p>Defaults ({@link #withDefaults()}): {@link CifMethod#CUMINC}, i.e. R
 * {@code cmprsk::cuminc(ftime, fstatus, group, cencode = 0)}: per group and cause the step vectors
 * of the estimate and Gray's variance. Gray's test, which cuminc runs beside the curves, is a
 * test: {@code io.survkit.compare.GrayTest} runs it, and
 * {@code io.survkit.compare.CumulativeIncidenceComparison} fits the curves and attaches the test
 * as cuminc prints it (estimating curves never runs a test). With
 * {@link CifMethod#AALEN_JOHANSEN}: R {@code survfit(Surv(time, factor(status)) ~ group)}, the
 * multi-state probabilities of every state at every distinct time with infinitesimal-jackknife
 * standard errors.
 *
 * <p>Input: unweighted right-censored rows whose status holds cause codes (0 = censored, k = cause
 * k), e.g. {@code SurvivalData.csv(..).causes("status", "0")}; optional group. Causes without
 * events and groups without rows are left out (cuminc's {@code uclab}, {@code ugg}; survfit's
 * states). Times are compared exactly after the data model's timefix.
 *
 * <p>Cost: the rows are bucketed by (group, status), each bucket sorted once with
 * {@code Arrays.sort}, and the sorted runs merged into per-time counts (as the Kaplan-Meier fast
 * path); each curve is then one O(distinct times) pass. The jackknife error of
 * {@link CifMethod#AALEN_JOHANSEN} is O(distinct times x causes^2), not O(n x times).
 *
 * <pre>{@code
 * SurvivalData d = SurvivalData.csv(Path.of("cr_synth.csv"))
 *         .time("time").causes("status", "0").group("group").read();
 * CumulativeIncidenceResult cif = CumulativeIncidence.withDefaults().fit(d);
 * System.out.println(cif);                                  // estimates and variances
 * double f = cif.curve("A", "1").estimateAt(10);            // P(cause 1 by t = 10 | group A)
 * CumulativeIncidenceResult aj = CumulativeIncidence.withDefaults()
 *         .withMethod(CifMethod.AALEN_JOHANSEN).fit(d);
 * double se = aj.stateCurve(0).standardErrorAt(10, 1);      // jackknife SE of the same estimate
 * }</pre>
 */
public final class CumulativeIncidence {
    private static final CumulativeIncidence DEFAULTS = new CumulativeIncidence(CifMethod.CUMINC);

    private final CifMethod method;

    private CumulativeIncidence(CifMethod method) {
        this.method = method;
    }

    /**
     * {@link CifMethod#CUMINC}.
     *
     * @return the shared default instance
     */
    public static CumulativeIncidence withDefaults() {
        return DEFAULTS;
    }

    /**
     * The same estimator with layout and variance {@code method}.
     *
     * @param method the method
     * @return a new instance with this setting (this one is unchanged)
     */
    public CumulativeIncidence withMethod(CifMethod method) {
        return new CumulativeIncidence(Check.notNull("method", method));
    }

    /** {@return the method} */
    public CifMethod method() {
        return method;
    }

    /**
     * Fits the cumulative incidence of every cause with one group (R {@code cuminc(time, status)}).
     *
     * @param data competing-risks data
     * @return the curves
     */
    public CumulativeIncidenceResult fit(SurvivalData data) {
        return fit(data, Terms.none());
    }

    /**
     * Fits the cumulative incidence of every cause (R {@code cuminc(time, status, group)}), one set
     * of curves per group of the formula's columns ({@code "1"} or {@code ""}: one group).
     *
     * @param data competing-risks data
     * @param formula the grouping, e.g. {@code "group"}
     * @return the curves
     */
    public CumulativeIncidenceResult fit(SurvivalData data, String formula) {
        return fit(data, Terms.parse(Check.notNull("formula", formula)));
    }

    /**
     * Fits the cumulative incidence of every cause, one set of curves per group of {@code terms}.
     *
     * @param data competing-risks data
     * @param terms the grouping terms
     * @return the curves
     */
    public CumulativeIncidenceResult fit(SurvivalData data, Terms terms) {
        return fit(ModelFrame.of(Check.notNull("data", data), Check.notNull("terms", terms)));
    }

    /**
     * Fits the cumulative incidence of every cause with events in every group with rows.
     *
     * @param data the data
     * @return the result
     * @throws IllegalArgumentException for null data, no events, case weights, counting-process
     *         rows, or a strata column with {@link CifMethod#AALEN_JOHANSEN}
     */
    public CumulativeIncidenceResult fit(ModelFrame data) {
        Check.notNull("data", data);
        if (data.hasWeights()) {
            throw Check.fail("cumulative incidence: case weights (column '%s') are not supported; cmprsk::cuminc "
                    + "has none", data.weightsColumn().orElse(null));
        }
        if (data.hasStart()) {
            throw Check.fail("cumulative incidence needs right-censored rows; start column '%s' (delayed entry) "
                    + "is not supported", data.startColumn().orElse(null));
        }
        if (method == CifMethod.AALEN_JOHANSEN && data.strata().isPresent()) {
            throw Check.fail("strata column '%s': the Aalen-Johansen curves take a group column only (strata "
                    + "stratify Gray's test of CifMethod.CUMINC)", data.strata().orElseThrow().name());
        }
        int n = data.rowCount();
        Factor g = data.groups().orElse(null);
        int groups = g == null ? 1 : g.levelCount();
        int causes = data.causes().size();
        int s = causes + 1;
        int[] start = new int[groups * s + 1];
        for (int i = 0; i < n; i++) {
            start[(g == null ? 0 : g.code(i)) * s + data.status(i) + 1]++;
        }
        int[] eventsOf = new int[s];
        for (int b = 0; b < groups * s; b++) {
            eventsOf[b % s] += start[b + 1];
            start[b + 1] += start[b];
        }
        int withEvents = 0;
        for (int k = 1; k < s; k++) {
            withEvents += eventsOf[k] > 0 ? 1 : 0;
        }
        if (withEvents == 0) {
            throw Check.fail("cumulative incidence: column '%s' has no events of any cause (%d rows, all censored)",
                    data.eventColumn(), n);
        }
        double[] buffer = new double[n];
        int[] next = start.clone();
        for (int i = 0; i < n; i++) {
            buffer[next[(g == null ? 0 : g.code(i)) * s + data.status(i)]++] = data.time(i) + 0.0;
        }
        CauseCounts[] counts = CauseCounts.of(buffer, start, groups, causes);
        Groups named = g == null ? Groups.NONE : new Groups(g.levels(), g.labels());
        return fit(counts, eventsOf, data.causes(), named, data.omittedRows(), data.warnings());
    }

    /**
     * Fits the cumulative incidence of every cause with events from competing-risks counts: a
     * {@link CountTable} with the events of each cause ({@link CountTable#hasCauses()}), unweighted,
     * without entries; one set of curves per group, pooled over strata (which only stratify Gray's
     * test, as cuminc's {@code strata}: {@code CumulativeIncidenceComparison.fit(CountTable)}). The
     * numbers equal {@link #fit(ModelFrame)} on the subject rows the table summarises (the same
     * recursions on the same counts).
     *
     * <pre>{@code
     * CountTable counts = CountTable.builder("group").causes("1", "2")
     *         .add(null, "A", 1.5, new double[] {1, 0}, 0, 0, 1)
     *         .add(null, "B", 2.0, new double[] {0, 1}, 1, 0, 2).build();
     * CumulativeIncidenceResult cif = CumulativeIncidence.withDefaults().fit(counts);
     * }</pre>
     *
     * @param counts per-cause counts
     * @return the curves
     * @throws IllegalArgumentException for null counts, counts without causes, weighted counts, entries,
     *         no events, or a strata column with {@link CifMethod#AALEN_JOHANSEN}
     */
    public CumulativeIncidenceResult fit(CountTable counts) {
        Check.notNull("counts", counts);
        if (!counts.hasCauses()) {
            throw Check.fail("cumulative incidence needs the events of each cause; the count table holds events of "
                    + "any cause only (declare them with CountTable.builder(..).causes(...))");
        }
        if (counts.weighted()) {
            throw Check.fail("cumulative incidence: the counts are weighted (case weights or fractional counts); "
                    + "cmprsk::cuminc has no case weights");
        }
        if (counts.hasEntries()) {
            throw Check.fail("cumulative incidence needs right-censored counts; the count table has entries "
                    + "(delayed entry is not supported)");
        }
        if (method == CifMethod.AALEN_JOHANSEN && counts.strataName().isPresent()) {
            throw Check.fail("strata column '%s': the Aalen-Johansen curves take a group column only (strata "
                    + "stratify Gray's test of CifMethod.CUMINC)", counts.strataName().orElseThrow());
        }
        int groups = counts.groupLevels().size();
        int causes = counts.causes().size();
        int[] eventsOf = new int[causes + 1];
        long n = 0;
        for (int c = 0; c < counts.size(); c++) {
            for (int k = 1; k <= causes; k++) {
                eventsOf[k] += (int) counts.events(c, k);
            }
            n += (long) (counts.events(c) + counts.censored(c));
        }
        int withEvents = 0;
        for (int k = 1; k <= causes; k++) {
            withEvents += eventsOf[k] > 0 ? 1 : 0;
        }
        if (withEvents == 0) {
            throw Check.fail("cumulative incidence: the count table has no events of any cause (%d rows, all "
                    + "censored)", n);
        }
        CauseCounts[] perGroup = new CauseCounts[groups];
        for (int gi = 0; gi < groups; gi++) {
            perGroup[gi] = CauseCounts.of(counts, gi);
        }
        Groups named = counts.groupName().isEmpty() ? Groups.NONE
                : new Groups(counts.groupLevels(), counts.groupLabels());
        return fit(perGroup, eventsOf, counts.causes(), named, counts.omittedRows(), counts.warnings());
    }

    /** The levels and R's labels of the groups; {@link #NONE} for one group. */
    private record Groups(List<String> levels, List<String> labels) {
        static final Groups NONE = new Groups(null, null);

        String level(int g) {
            return levels == null ? "1" : levels.get(g);
        }

        String label(int g) {
            return labels == null ? "all" : labels.get(g);
        }
    }

    /**
     * The curves from each group's counts ({@code counts[g]} null for a group without rows),
     * {@code eventsOf[k]} events of cause k over all groups.
     */
    private CumulativeIncidenceResult fit(CauseCounts[] counts, int[] eventsOf, List<String> causeNames, Groups g,
            int omittedRows, List<String> sourceWarnings) {
        int groups = counts.length;
        int s = causeNames.size() + 1;
        List<String> warnings = new ArrayList<>(sourceWarnings);
        List<String> causeLabels = new ArrayList<>();
        for (int k = 1; k < s; k++) {
            if (eventsOf[k] > 0) {
                causeLabels.add(causeNames.get(k - 1));
            } else {
                warnings.add(Check.format("cause '%s' has no events; it has no curve", causeNames.get(k - 1)));
            }
        }
        List<String> groupLabels = new ArrayList<>();
        for (int gi = 0; gi < groups; gi++) {
            if (counts[gi] == null) {
                warnings.add(Check.format("%s has no rows; it has no curve", g.label(gi)));
            } else {
                groupLabels.add(g.level(gi));
            }
        }
        if (method == CifMethod.CUMINC) {
            List<IncidenceCurve> curves = new ArrayList<>();
            for (int k = 1; k < s; k++) {
                if (eventsOf[k] == 0) {
                    continue;
                }
                for (int gi = 0; gi < groups; gi++) {
                    if (counts[gi] == null) {
                        continue;
                    }
                    double[][] r = CumulativeIncidenceKernel.cuminc(counts[gi], k - 1);
                    curves.add(new IncidenceCurve(g.level(gi), causeNames.get(k - 1), k, r[0], r[1], r[2]));
                }
            }
            return new CumulativeIncidenceResult(method, causeLabels, groupLabels, curves, List.of(), null,
                    omittedRows, warnings);
        }
        List<String> states = new ArrayList<>();
        states.add("(s0)");
        states.addAll(causeLabels);
        List<StateProbabilities> curves = new ArrayList<>();
        for (int gi = 0; gi < groups; gi++) {
            if (counts[gi] != null) {
                curves.add(stateCurve(g.label(gi), states, counts[gi], eventsOf));
            }
        }
        return new CumulativeIncidenceResult(method, causeLabels, groupLabels, List.of(), curves, null,
                omittedRows, warnings);
    }

    /** One group's Aalen-Johansen curve over the causes with events anywhere (survfit's states). */
    private static StateProbabilities stateCurve(String name, List<String> states, CauseCounts c, int[] eventsOf) {
        CauseCounts used = c;
        int kept = states.size() - 1;
        if (kept != c.causes) {
            used = c.keepCauses(eventsOf);
        }
        double[][] r = CumulativeIncidenceKernel.aalenJohansen(used);
        return new StateProbabilities(name, states, used.time, r[0], r[1], used.atRisk, used.events, used.censored,
                used.rows);
    }

    @Override
    public String toString() {
        return "CumulativeIncidence[method=" + method + "]";
    }
}
