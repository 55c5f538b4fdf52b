package io.survkit.estimate;

import io.survkit.internal.JsonWriter;
import io.survkit.internal.RFormat;
import io.survkit.table.Exportable;
import io.survkit.table.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The Aalen-Johansen curves of {@link MultiStateSurvival}, one per group with rows, immutable:
 * R's {@code survfitms} object. {@link #transitions()} names the observed transitions as R's
 * {@code colnames(fit$cumhaz)} ({@code "1.2"}: from state 1 to state 2, 1-based).
 *
 * <pre>{@code
 * MultiStateResult fit = MultiStateSurvival.withDefaults().fit(data, "sex");
 * fit.states();                       // [(s0), death, pcm]
 * fit.curve(1).probability(0, 2);     // second curve, first time, third state
 * fit.summary(60, 120).toString();
 * }</pre>
 */
public final class MultiStateResult implements Exportable {
    private final List<String> states;
    private final int[] transitions;
    private final List<MultiStateCurve> curves;
    private final double confidenceLevel;
    private final ConfidenceIntervalType confidenceIntervalType;
    private final int rows;
    private final int omitted;
    private final List<String> warnings;

    MultiStateResult(List<String> states, int[] transitions, List<MultiStateCurve> curves, double confidenceLevel,
            ConfidenceIntervalType type, int rows, int omitted, List<String> warnings) {
        this.states = List.copyOf(states);
        this.transitions = transitions.clone();
        this.curves = List.copyOf(curves);
        this.confidenceLevel = confidenceLevel;
        this.confidenceIntervalType = type;
        this.rows = rows;
        this.omitted = omitted;
        this.warnings = List.copyOf(warnings);
    }

    /** {@return the states (R {@code fit$states})} */
    public List<String> states() {
        return states;
    }

    /** {@return R's names of the observed transitions, {@code "from.to"} with 1-based state numbers} */
    public List<String> transitions() {
        List<String> r = new ArrayList<>();
        int k = states.size();
        for (int t : transitions) {
            r.add((t / k + 1) + "." + (t % k + 1));
        }
        return r;
    }

    /**
     * The state a transition leaves.
     *
     * @param j the transition index (0-based)
     * @return the state a transition leaves
     */
    public String transitionFrom(int j) {
        return states.get(transitions[j] / states.size());
    }

    /**
     * The state a transition enters.
     *
     * @param j the transition index (0-based)
     * @return the state a transition enters
     */
    public String transitionTo(int j) {
        return states.get(transitions[j] % states.size());
    }

    /** {@return the curves, one per group with rows, in the group's level order} */
    public List<MultiStateCurve> curves() {
        return curves;
    }

    /**
     * Curve {@code i}.
     *
     * @param i the time index (0-based)
     * @return curve {@code i}
     */
    public MultiStateCurve curve(int i) {
        return curves.get(i);
    }

    /** {@return the confidence level of the limits} */
    public double confidenceLevel() {
        return confidenceLevel;
    }

    /** {@return the scale of the limits} */
    public ConfidenceIntervalType confidenceIntervalType() {
        return confidenceIntervalType;
    }

    /** {@return Rows used, after continued censored rows were merged (the sum of R's {@code fit$n})} */
    public int rowCount() {
        return rows;
    }

    /** {@return Rows left out for a missing value in a used column} */
    public int omittedRows() {
        return omitted;
    }

    /** {@return warnings of the data and the fit} */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * R {@code summary(fit, times = times)}: every curve at the requested times up to its last time.
     *
     * @param times the times (any order; sorted as R)
     * @return the summary rows
     * @throws IllegalArgumentException when a curve has no requested time at or before its last time
     */
    public MultiStateSummary summary(double... times) {
        return MultiStateSummary.of(curves, states, transitions.length, times);
    }

    @Override
    public void writeJson(Appendable out) {
        write(new JsonWriter(out), null);
    }

    /**
     * As {@link #writeJson(Appendable)}, with {@code summary}: R's {@code summary(fit, times = times)}.
     *
     * @param out where the text goes
     * @param times the summary times
     */
    public void writeJson(Appendable out, double[] times) {
        write(new JsonWriter(out), summary(times));
    }

    private void write(JsonWriter j, MultiStateSummary s) {
        int k = states.size();
        j.beginObject().name("states").array(states).name("transitions").array(transitions())
                .name("confInt").value(confidenceLevel).name("confType").value(confidenceIntervalType.rName())
                .name("n").value(rows).name("nOmitted").value(omitted).name("curves").beginArray();
        for (MultiStateCurve c : curves) {
            int m = c.size();
            j.beginObject().name("name").value(c.name()).name("n").value(c.rowCount())
                    .name("p0").array(c.initialProbabilities()).name("time").array(c.times());
            j.name("nRisk").beginArray();
            for (int i = 0; i < m; i++) {
                int[] row = new int[k];
                for (int st = 0; st < k; st++) {
                    row[st] = c.numberAtRisk(i, st);
                }
                j.array(row);
            }
            j.endArray().name("nEvent").beginArray();
            for (int i = 0; i < m; i++) {
                int[] row = new int[k];
                for (int st = 0; st < k; st++) {
                    row[st] = c.events(i, st);
                }
                j.array(row);
            }
            int[] cens = new int[m];
            for (int i = 0; i < m; i++) {
                cens[i] = c.censored(i);
            }
            j.endArray().name("nCensor").array(cens);
            matrix(j, "pstate", m, k, c::probability);
            matrix(j, "stdErr", m, k, c::standardError);
            matrix(j, "lower", m, k, c::rawLower);
            matrix(j, "upper", m, k, c::rawUpper);
            matrix(j, "cumhaz", m, transitions.length, c::cumulativeHazard);
            j.endObject();
        }
        j.endArray();
        if (s != null) {
            j.name("summary").beginArray();
            for (int r = 0; r < s.size(); r++) {
                int row = r;
                j.beginObject().name("curve").value(s.curve(r)).name("time").value(s.time(r));
                j.column("pstate", k, st -> s.probability(row, st));
                j.column("stdErr", k, st -> s.standardError(row, st));
                j.column("lower", k, st -> s.lower(row, st).orElse(Double.NaN));
                j.column("upper", k, st -> s.upper(row, st).orElse(Double.NaN));
                j.column("nRisk", k, st -> s.numberAtRisk(row, st));
                j.column("nEvent", k, st -> s.events(row, st));
                j.name("nCensor").value(s.censored(r));
                j.column("cumhaz", transitions.length, t -> s.cumulativeHazard(row, t));
                j.endObject();
            }
            j.endArray();
        }
        j.endObject();
    }

    /** A cell of a time x column matrix. */
    private interface Cell {
        double at(int i, int j);
    }

    private static void matrix(JsonWriter j, String name, int rows, int cols, Cell cell) {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < cols; c++) {
                m[i][c] = cell.at(i, c);
            }
        }
        j.name(name).matrix(m);
    }

    /**
     * Tidy rows: one per curve, time and state, with R's {@code pstate}, {@code std.err},
     * {@code lower}, {@code upper}, {@code n.risk}, {@code n.event}.
     */
    @Override
    public Table table() {
        Table.Builder b = Table.builder().textColumn("curve").numberColumn("time").textColumn("state")
                .numberColumn("pstate").numberColumn("std.err").numberColumn("lower").numberColumn("upper")
                .numberColumn("n.risk").numberColumn("n.event");
        for (MultiStateCurve c : curves) {
            for (int i = 0; i < c.size(); i++) {
                for (int s = 0; s < states.size(); s++) {
                    b.text(c.name()).number(c.time(i)).text(states.get(s)).number(c.probability(i, s))
                            .number(c.standardError(i, s)).number(c.rawLower(i, s)).number(c.rawUpper(i, s))
                            .number(c.numberAtRisk(i, s)).number(c.events(i, s));
                }
            }
        }
        return b.build();
    }

    /**
     * As R's {@code print(fit)} ({@code print.survfitms}, survival 3.5-3, {@code rmean = "common"})
     * without its {@code Call:} line: per curve and state the number of observations, the events
     * into the state and the restricted mean time in it up to the largest time of all curves
     * ({@code survmean2} on {@code survfit0}'s curves: each curve starts at {@code min(0, times)}
     * with its initial probabilities {@code p0}, and {@code rmean = sum(diff(t) * pstate)}).
     * {@link #summary} gives the probabilities at chosen times.
     */
    @Override
    public String toString() {
        double start = 0;
        double end = Double.NEGATIVE_INFINITY;
        for (MultiStateCurve c : curves) {
            if (c.size() > 0) {
                start = Math.min(start, c.time(0));
                end = Math.max(end, c.time(c.size() - 1));
            }
        }
        int ns = states.size();
        int nc = curves.size();
        String[] names = new String[ns * nc];
        double[][] columns = new double[3][ns * nc];
        for (int g = 0; g < nc; g++) {
            MultiStateCurve c = curves.get(g);
            double[] mean = restrictedMeans(c, start, end);
            for (int st = 0; st < ns; st++) {
                int r = st * nc + g; // R: outer(strata names, states), strata varying fastest
                names[r] = nc > 1 ? c.name() + ", " + states.get(st) : states.get(st);
                columns[0][r] = c.rowCount();
                double events = 0;
                for (int i = 0; i < c.size(); i++) {
                    events += c.events(i, st);
                }
                columns[1][r] = events;
                columns[2][r] = mean[st];
            }
        }
        StringBuilder sb = new StringBuilder();
        if (omitted > 0) {
            sb.append("   ").append(omitted).append(omitted == 1 ? " observation" : " observations")
                    .append(" deleted due to missingness \n");
        }
        sb.append(RFormat.table(new String[] {"n", "nevent", "rmean*"}, names, columns, 7, RFormat.NotANumber.NA));
        sb.append("   *restricted mean time in state (max time = ").append(RFormat.format(new double[] {end}, 7)[0])
                .append(" )\n");
        return sb.toString();
    }

    /**
     * survmean2: {@code colSums(delta * pstate)}, delta the steps of (start, times &lt; end, end); row
     * -1 is survfit0's inserted start row with the initial probabilities.
     */
    private static double[] restrictedMeans(MultiStateCurve c, double start, double end) {
        int ns = c.states().size();
        double[] mean = new double[ns];
        double[] p0 = c.initialProbabilities();
        int first = c.size() == 0 || c.time(0) != start ? -1 : 0;
        int prev = Integer.MIN_VALUE;
        double prevTime = start;
        for (int i = first; i < c.size(); i++) {
            double t = i < 0 ? start : c.time(i);
            if (!(t < end)) {
                break;
            }
            if (prev != Integer.MIN_VALUE) {
                addStep(mean, c, prev, p0, t - prevTime);
            }
            prev = i;
            prevTime = t;
        }
        if (prev != Integer.MIN_VALUE) {
            addStep(mean, c, prev, p0, end - prevTime);
        }
        return mean;
    }

    /** {@code mean += delta * pstate[i, ]}, row -1 being {@code p0}. */
    private static void addStep(double[] mean, MultiStateCurve c, int i, double[] p0, double delta) {
        for (int s = 0; s < mean.length; s++) {
            mean[s] += delta * (i < 0 ? p0[s] : c.probability(i, s));
        }
    }
}
