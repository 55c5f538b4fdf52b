package io.survkit.estimate;

import io.survkit.internal.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * R {@code summary(fit, times = t)} of a multi-state fit: for each curve and each requested time up
 * to the curve's last time, the state probabilities, standard errors and limits at the time, the
 * number at risk in each state at the first time at or after it, and the transitions and
 * censorings since the previous requested time. As R, each curve starts with a row at
 * {@code min(0, first time)} holding the initial probabilities (standard error 0, limits 0).
 * Immutable.
 *
 * <pre>{@code
 * MultiStateSummary s = fit.summary(12, 60, 120);
 * s.probability(0, 1);   // the first row's second state
 * }</pre>
 */
public final class MultiStateSummary {
    private final List<String> states;
    private final int transitions;
    private final String[] curve;
    private final double[] time;
    private final double[] pstate;
    private final double[] stdErr;
    private final double[] lower;
    private final double[] upper;
    private final int[] nRisk;
    private final int[] nEvent;
    private final int[] nCensor;
    private final double[] cumhaz;

    private MultiStateSummary(List<String> states, int transitions, int rows) {
        this.states = states;
        this.transitions = transitions;
        int k = states.size();
        curve = new String[rows];
        time = new double[rows];
        pstate = new double[rows * k];
        stdErr = new double[rows * k];
        lower = new double[rows * k];
        upper = new double[rows * k];
        nRisk = new int[rows * k];
        nEvent = new int[rows * k];
        nCensor = new int[rows];
        cumhaz = new double[rows * transitions];
    }

    static MultiStateSummary of(List<MultiStateCurve> curves, List<String> states, int transitions, double[] at) {
        double[] times = at.clone();
        for (double t : times) {
            if (Double.isNaN(t)) {
                throw Check.fail("summary times: NaN is not a time");
            }
        }
        Arrays.sort(times);
        double start = 0;
        for (MultiStateCurve c : curves) {
            start = Math.min(start, c.time(0));
        }
        List<int[]> picks = new ArrayList<>();
        int rows = 0;
        for (MultiStateCurve c : curves) {
            double last = c.time(c.size() - 1);
            int m = 0;
            for (double t : times) {
                if (Double.isFinite(t) && t <= last) {
                    m++;
                }
            }
            if (m == 0) {
                throw Check.fail("summary times %s: no time at or before the last time %s of curve %s (R: no points "
                        + "selected for one or more curves)", Arrays.toString(at), last, c.name());
            }
            picks.add(new int[] {m});
            rows += m;
        }
        MultiStateSummary s = new MultiStateSummary(List.copyOf(states), transitions, rows);
        int r = 0;
        for (MultiStateCurve c : curves) {
            r = s.fill(c, r, times, start);
        }
        return s;
    }

    /** R findrow() on survfit0(curve): rows from {@code r}; returns the next row. */
    private int fill(MultiStateCurve c, int r, double[] times, double start) {
        int k = states.size();
        boolean inserted = c.time(0) != start;
        int shift = inserted ? 1 : 0;
        int len = c.size() + shift;
        double last = c.time(c.size() - 1);
        int prev = 0;
        for (double t : times) {
            if (!Double.isFinite(t) || t > last) {
                continue;
            }
            // index1: number of extended times <= t (1-based row of the value; 0 = before the start)
            int index1 = c.index(t) + 1 + shift;
            if (inserted && t < start) {
                index1 = 0;
            }
            int row = Math.max(1, index1) - 1 - shift;
            // index2: the first extended time >= t
            int index2 = (t <= start && inserted) ? 0 : c.countBefore(t) + shift;
            curve[r] = c.name();
            time[r] = t;
            for (int s = 0; s < k; s++) {
                int o = r * k + s;
                if (row < 0) {
                    pstate[o] = c.initialProbabilities()[s];
                } else {
                    pstate[o] = c.probability(row, s);
                    stdErr[o] = c.standardError(row, s);
                    lower[o] = c.rawLower(row, s);
                    upper[o] = c.rawUpper(row, s);
                }
                nRisk[o] = index2 >= len ? 0 : c.numberAtRisk(Math.max(0, index2 - shift), s);
                for (int i = prev; i < index1; i++) {
                    nEvent[o] += i < shift ? 0 : c.events(i - shift, s);
                }
            }
            for (int i = prev; i < index1; i++) {
                nCensor[r] += i < shift ? 0 : c.censored(i - shift);
            }
            for (int j = 0; j < transitions; j++) {
                cumhaz[r * transitions + j] = row < 0 ? 0 : c.cumulativeHazard(row, j);
            }
            prev = Math.max(prev, index1);
            r++;
        }
        return r;
    }

    /** {@return number of rows (curves x their times)} */
    public int size() {
        return time.length;
    }

    /** {@return the states} */
    public List<String> states() {
        return states;
    }

    /**
     * The curve of row {@code r}.
     *
     * @param r the summary row (0-based)
     * @return the curve of row {@code r}
     */
    public String curve(int r) {
        return curve[r];
    }

    /**
     * The requested time of row {@code r}.
     *
     * @param r the summary row (0-based)
     * @return the requested time of row {@code r}
     */
    public double time(int r) {
        return time[r];
    }

    /**
     * Probability of state {@code s} (R {@code pstate}).
     *
     * @param r the summary row (0-based)
     * @param s the state index (0-based)
     * @return probability of state {@code s} (R {@code pstate})
     */
    public double probability(int r, int s) {
        return pstate[at(r, s)];
    }

    /**
     * Standard error of state {@code s} (R {@code std.err}).
     *
     * @param r the summary row (0-based)
     * @param s the state index (0-based)
     * @return standard error of state {@code s} (R {@code std.err})
     */
    public double standardError(int r, int s) {
        return stdErr[at(r, s)];
    }

    /**
     * Lower limit (absent where R gives NA).
     *
     * @param r the summary row (0-based)
     * @param s the state index (0-based)
     * @return lower limit (absent where R gives NA)
     */
    public OptionalDouble lower(int r, int s) {
        double v = lower[at(r, s)];
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /**
     * Upper limit (absent where R gives NA).
     *
     * @param r the summary row (0-based)
     * @param s the state index (0-based)
     * @return upper limit (absent where R gives NA)
     */
    public OptionalDouble upper(int r, int s) {
        double v = upper[at(r, s)];
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /**
     * At risk in state {@code s} (R {@code n.risk}).
     *
     * @param r the summary row (0-based)
     * @param s the state index (0-based)
     * @return at risk in state {@code s} (R {@code n.risk})
     */
    public int numberAtRisk(int r, int s) {
        return nRisk[at(r, s)];
    }

    /**
     * Transitions into state {@code s} since the previous row (R {@code n.event}).
     *
     * @param r the summary row (0-based)
     * @param s the state index (0-based)
     * @return transitions into state {@code s} since the previous row (R {@code n.event})
     */
    public int events(int r, int s) {
        return nEvent[at(r, s)];
    }

    /**
     * Censorings since the previous row (R {@code n.censor}).
     *
     * @param r the summary row (0-based)
     * @return censorings since the previous row (R {@code n.censor})
     */
    public int censored(int r) {
        return nCensor[r];
    }

    /**
     * Cumulative hazard of observed transition {@code j} (R {@code cumhaz}).
     *
     * @param r the summary row (0-based)
     * @param j the transition index (0-based)
     * @return cumulative hazard of observed transition {@code j} (R {@code cumhaz})
     */
    public double cumulativeHazard(int r, int j) {
        if (j < 0 || j >= transitions) {
            throw Check.fail("transition index %d is outside 0..%d", j, transitions - 1);
        }
        return cumhaz[r * transitions + j];
    }

    private int at(int r, int s) {
        if (r < 0 || r >= time.length) {
            throw Check.fail("row %d is outside 0..%d", r, time.length - 1);
        }
        if (s < 0 || s >= states.size()) {
            throw Check.fail("state index %d is outside 0..%d %s", s, states.size() - 1, states);
        }
        return r * states.size() + s;
    }

    @Override
    public String toString() {
        return "MultiStateSummary[" + time.length + " rows, states " + states + "]";
    }
}
