package io.survkit.estimate;

import io.survkit.internal.Check;
import io.survkit.internal.JsonWriter;
import io.survkit.internal.Pretty;
import io.survkit.internal.RFormat;
import io.survkit.table.Exportable;
import io.survkit.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cumulative incidence curves of one fit, immutable. Which lists are filled depends on the
 * {@link #method()}:
 * <ul>
 * <li>{@link CifMethod#CUMINC}: {@link #curves()} holds one {@link IncidenceCurve} per cause and
 * group in cuminc's order (cause-major: all groups of the first cause, then the next cause), and
 * {@link #test()} the test attached by {@link #withTest} (Gray's test per cause, attached by
 * {@code io.survkit.compare.CumulativeIncidenceComparison} when there are two or more groups);
 * {@link #stateCurves()} is empty.</li>
 * <li>{@link CifMethod#AALEN_JOHANSEN}: {@link #stateCurves()} holds one
 * {@link StateProbabilities} per group (R's strata order); {@link #curves()} is empty and
 * {@link #test()} absent.</li>
 * </ul>
 * {@link #toString()} prints R's {@code print(cuminc)} (the attached tests, then estimates and variances at
 * {@code pretty} times) or R's {@code print(survfit)} of the multi-state fit (n, events and
 * restricted mean time per curve and state).
 *
 * <pre>{@code
 * CumulativeIncidenceResult r = CumulativeIncidence.withDefaults().fit(data);
 * for (IncidenceCurve c : r.curves()) {
 *     System.out.println(c.name() + ": " + c.estimateAt(12));
 * }
 * r.test().ifPresent(t -> System.out.println(t.pValue(0)));   // with a test attached
 * }</pre>
 */
public final class CumulativeIncidenceResult implements Exportable {
    private final CifMethod method;
    private final List<String> causes;
    private final List<String> groups;
    private final List<IncidenceCurve> curves;
    private final List<StateProbabilities> stateCurves;
    private final IncidenceTest test;
    private final int omitted;
    private final List<String> warnings;

    CumulativeIncidenceResult(CifMethod method, List<String> causes, List<String> groups, List<IncidenceCurve> curves,
            List<StateProbabilities> stateCurves, IncidenceTest test, int omitted, List<String> warnings) {
        this.method = method;
        this.causes = List.copyOf(causes);
        this.groups = List.copyOf(groups);
        this.curves = List.copyOf(curves);
        this.stateCurves = List.copyOf(stateCurves);
        this.test = test;
        this.omitted = omitted;
        this.warnings = List.copyOf(warnings);
    }

    /** {@return the method that produced this result} */
    public CifMethod method() {
        return method;
    }

    /**
     * Labels of the causes with events, in code order.
     *
     * @return the list
     */
    public List<String> causes() {
        return causes;
    }

    /** {@return group levels with rows, in level order ({@code ["1"]} without a group column, as cuminc)} */
    public List<String> groups() {
        return groups;
    }

    /** {@return the cuminc curves (cause-major), empty for {@link CifMethod#AALEN_JOHANSEN}} */
    public List<IncidenceCurve> curves() {
        return curves;
    }

    /** {@return number of cuminc curves} */
    public int curveCount() {
        return curves.size();
    }

    /**
     * cuminc curve {@code index} (0-based).
     *
     * @param index the 0-based curve index
     * @return cuminc curve {@code index} (0-based)
     */
    public IncidenceCurve curve(int index) {
        if (index < 0 || index >= curves.size()) {
            throw Check.fail("curve index %d is outside 0..%d (method %s)", index, curves.size() - 1, method);
        }
        return curves.get(index);
    }

    /**
     * The cuminc curve of {@code group} (level, {@code "1"} without a group) and {@code cause} (label).
     *
     * @param group the group label
     * @param cause the cause label
     * @return the cuminc curve of {@code group} (level, {@code "1"} without a group) and {@code cause} (label)
     */
    public IncidenceCurve curve(String group, String cause) {
        for (IncidenceCurve c : curves) {
            if (c.group().equals(group) && c.cause().equals(cause)) {
                return c;
            }
        }
        throw Check.fail("no curve for group '%s' and cause '%s'; the curves are %s", group, cause, curveNames());
    }

    /** {@return cuminc's list names ({@code "A 1"}, ...), in order} */
    public List<String> curveNames() {
        List<String> n = new ArrayList<>();
        for (IncidenceCurve c : curves) {
            n.add(c.name());
        }
        return List.copyOf(n);
    }

    /**
     * The test of the curves across groups attached with {@link #withTest} (cuminc's {@code Tests},
     * e.g. by {@code io.survkit.compare.CumulativeIncidenceComparison}); absent when none is attached.
     *
     * @return the test, or empty
     */
    public Optional<IncidenceTest> test() {
        return Optional.ofNullable(test);
    }

    /**
     * These curves with a test of them attached: printed before the estimates and exported as
     * {@code grayTest}, as cmprsk's {@code cuminc} shows its {@code Tests}; {@code notes} (e.g. why a
     * test was left out) are appended to the warnings.
     *
     * @param test the test, or null to attach none
     * @param notes warnings about the test
     * @return a new result; this one is unchanged
     * @throws IllegalArgumentException for {@link CifMethod#AALEN_JOHANSEN} curves with a test
     */
    public CumulativeIncidenceResult withTest(IncidenceTest test, List<String> notes) {
        if (test != null && method != CifMethod.CUMINC) {
            throw Check.fail("a test is attached to cuminc curves only, not to method %s", method);
        }
        List<String> w = new ArrayList<>(warnings);
        w.addAll(Check.notNull("notes", notes));
        return new CumulativeIncidenceResult(method, causes, groups, curves, stateCurves, test, omitted, w);
    }

    /** {@return the multi-state states ({@code "(s0)"} then the causes)} */
    public List<String> states() {
        List<String> s = new ArrayList<>();
        s.add("(s0)");
        s.addAll(causes);
        return List.copyOf(s);
    }

    /** {@return the Aalen-Johansen curves, one per group; empty for {@link CifMethod#CUMINC}} */
    public List<StateProbabilities> stateCurves() {
        return stateCurves;
    }

    /**
     * Aalen-Johansen curve {@code index} (0-based).
     *
     * @param index the 0-based curve index
     * @return Aalen-Johansen curve {@code index} (0-based)
     */
    public StateProbabilities stateCurve(int index) {
        if (index < 0 || index >= stateCurves.size()) {
            throw Check.fail("state curve index %d is outside 0..%d (method %s)", index, stateCurves.size() - 1,
                    method);
        }
        return stateCurves.get(index);
    }

    /**
     * The Aalen-Johansen curve named {@code name} ({@code "group=A"} or {@code "all"}).
     *
     * @param name the name
     * @return the Aalen-Johansen curve named {@code name} ({@code "group=A"} or {@code "all"})
     */
    public StateProbabilities stateCurve(String name) {
        List<String> names = new ArrayList<>();
        for (StateProbabilities c : stateCurves) {
            if (c.name().equals(name)) {
                return c;
            }
            names.add(c.name());
        }
        throw Check.fail("no state curve named '%s'; the curves are %s", name, names);
    }

    /** {@return rows left out for missing values} */
    public int omittedRows() {
        return omitted;
    }

    /** {@return warnings (from the data and the fit)} */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (omitted > 0) {
            sb.append(omitted).append(" cases omitted due to missing values\n");
        }
        if (method == CifMethod.CUMINC) {
            if (test != null) {
                sb.append("Tests:\n").append(test.testsTable());
            }
            double max = 0;
            for (IncidenceCurve c : curves) {
                max = Math.max(max, c.time(c.size() - 1));
            }
            double[] tp = Pretty.of(0, max, 5);
            int k = Math.max(0, tp.length - 2);
            String[] header = new String[k];
            double[][] est = new double[k][curves.size()];
            double[][] var = new double[k][curves.size()];
            for (int j = 0; j < k; j++) {
                header[j] = RFormat.signif(tp[j + 1], 7);
                for (int i = 0; i < curves.size(); i++) {
                    est[j][i] = curves.get(i).estimateAt(tp[j + 1]);
                    var[j][i] = curves.get(i).varianceAt(tp[j + 1]);
                }
            }
            String[] names = curveNames().toArray(new String[0]);
            sb.append("Estimates and Variances:\n$est\n").append(RFormat.table(header, names, est, 7, RFormat.NotANumber.NA))
                    .append("\n$var\n").append(RFormat.table(header, names, var, 7, RFormat.NotANumber.NA)).append('\n');
        } else {
            double max = 0;
            for (StateProbabilities c : stateCurves) {
                max = Math.max(max, c.time(c.size() - 1));
            }
            List<String> names = new ArrayList<>();
            List<Double> n = new ArrayList<>();
            List<Double> ev = new ArrayList<>();
            List<Double> rm = new ArrayList<>();
            List<String> st = states();
            boolean single = stateCurves.size() == 1;
            for (int s = 0; s < st.size(); s++) {
                for (StateProbabilities c : stateCurves) {
                    names.add(single ? st.get(s) : c.name() + ", " + st.get(s));
                    n.add((double) c.rowCount());
                    ev.add(s == 0 ? 0.0 : (double) c.eventCount(s));
                    rm.add(c.restrictedMean(s, max));
                }
            }
            double[][] cols = new double[3][names.size()];
            for (int i = 0; i < names.size(); i++) {
                cols[0][i] = n.get(i);
                cols[1][i] = ev.get(i);
                cols[2][i] = rm.get(i);
            }
            sb.append(RFormat.table(new String[] {"n", "nevent", "rmean*"}, names.toArray(new String[0]), cols, 7, RFormat.NotANumber.NA))
                    .append("   *restricted mean time in state (max time = ").append(RFormat.signif(max, 7))
                    .append(" )\n");
        }
        for (String w : warnings) {
            sb.append("Warning: ").append(w).append('\n');
        }
        return sb.toString();
    }

    @Override
    public void writeJson(Appendable out) {
        Exports.cumulativeIncidence(this, new JsonWriter(out));
    }

    /**
     * As {@link #writeJson(Appendable)}, with {@code timepoints}: each curve's estimate and variance
     * at {@code times} (sorted, duplicates dropped), absent after the curve's last time, as
     * {@code cmprsk::timepoints(fit, times)}.
     *
     * @param out where the text goes
     * @param times the time points
     */
    public void writeJson(Appendable out, double[] times) {
        Exports.cumulativeIncidence(this, new io.survkit.internal.JsonWriter(out),
                java.util.Arrays.stream(times).sorted().distinct().toArray());
    }

    @Override
    public Table table() {
        return Exports.cumulativeIncidenceTable(this);
    }

}
