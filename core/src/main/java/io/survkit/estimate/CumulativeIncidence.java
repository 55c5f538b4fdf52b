package io.survkit.estimate;

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
        List<String> warnings = new ArrayList<>(data.warnings());
        List<String> causeLabels = new ArrayList<>();
        for (int k = 1; k < s; k++) {
            if (eventsOf[k] > 0) {
                causeLabels.add(data.causes().get(k - 1));
            } else {
                warnings.add(Check.format("cause '%s' has no events; it has no curve", data.causes().get(k - 1)));
            }
        }
        List<String> groupLabels = new ArrayList<>();
        for (int gi = 0; gi < groups; gi++) {
            if (counts[gi] == null) {
                warnings.add(Check.format("%s has no rows; it has no curve", g.label(gi)));
            } else {
                groupLabels.add(g == null ? "1" : g.level(gi));
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
                    curves.add(new IncidenceCurve(g == null ? "1" : g.level(gi), data.causes().get(k - 1), k, r[0],
                            r[1], r[2]));
                }
            }
            return new CumulativeIncidenceResult(method, causeLabels, groupLabels, curves, List.of(), null,
                    data.omittedRows(), warnings);
        }
        List<String> states = new ArrayList<>();
        states.add("(s0)");
        states.addAll(causeLabels);
        List<StateProbabilities> curves = new ArrayList<>();
        for (int gi = 0; gi < groups; gi++) {
            if (counts[gi] != null) {
                curves.add(stateCurve(g == null ? "all" : g.label(gi), states, counts[gi], eventsOf));
            }
        }
        return new CumulativeIncidenceResult(method, causeLabels, groupLabels, List.of(), curves, null,
                data.omittedRows(), warnings);
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
