package io.survkit.estimate;

import io.survkit.internal.Check;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One group's Aalen-Johansen curve of {@link MultiStateSurvival}: at every distinct exit time the
 * probability of each state (R {@code fit$pstate}), its infinitesimal-jackknife standard error
 * ({@code std.err}) and confidence limits ({@code lower}, {@code upper}; absent where R gives NA),
 * the number at risk in each state just before the time ({@code n.risk}), the transitions into
 * each state ({@code n.event}), the censorings ({@code n.censor}) and the cumulative hazard of each
 * observed transition ({@code cumhaz}). Immutable.
 *
 * <pre>{@code
 * MultiStateCurve c = MultiStateSurvival.withDefaults().fit(data, "sex").curve(0);
 * double p = c.probability(10, c.stateIndex("pcm"));   // pstate[11, "pcm"]
 * }</pre>
 */
public final class MultiStateCurve {
    private final String name;
    private final int rows;
    private final List<String> states;
    private final int[] transitions;
    private final MultiStateKernel.Curve k;
    private final double[] lower;
    private final double[] upper;

    MultiStateCurve(String name, int rows, List<String> states, int[] transitions, MultiStateKernel.Curve k,
            ConfidenceIntervalType type, double z) {
        this.name = name;
        this.rows = rows;
        this.states = List.copyOf(states);
        this.transitions = transitions.clone();
        this.k = k;
        int m = k.pstate().length;
        this.lower = new double[m];
        this.upper = new double[m];
        for (int i = 0; i < m; i++) {
            double p = k.pstate()[i];
            double se = k.stdErr()[i];
            lower[i] = type.isNotAvailable(p) ? Double.NaN : type.limit(p, se, false, z, false);
            upper[i] = type.isNotAvailable(p) ? Double.NaN : type.limit(p, se, false, z, true);
        }
    }

    /** {@return R's strata name ({@code "sex=F"}), or {@code "all"} without groups} */
    public String name() {
        return name;
    }

    /** {@return rows of the curve after continued censored rows are merged (R {@code fit$n})} */
    public int rowCount() {
        return rows;
    }

    /** {@return the states, R's {@code fit$states}} */
    public List<String> states() {
        return states;
    }

    /**
     * Index of the state named {@code state}.
     *
     * @param state the state's name
     * @return index of the state named {@code state}
     */
    public int stateIndex(String state) {
        int s = states.indexOf(state);
        if (s < 0) {
            throw Check.fail("state '%s' is not one of %s", state, states);
        }
        return s;
    }

    /** {@return number of distinct times} */
    public int size() {
        return k.time().length;
    }

    /**
     * Time {@code i}.
     *
     * @param i the time index (0-based)
     * @return time {@code i}
     */
    public double time(int i) {
        return k.time()[i];
    }

    /** {@return copy of the times (R {@code fit$time} of this stratum)} */
    public double[] times() {
        return k.time().clone();
    }

    /** {@return the initial state probabilities (R {@code fit$p0})} */
    public double[] initialProbabilities() {
        return k.p0().clone();
    }

    /**
     * Probability of state {@code s} at time {@code i} (R {@code pstate[i, s]}).
     *
     * @param i the time index (0-based)
     * @param s the state index (0-based)
     * @return probability of state {@code s} at time {@code i} (R {@code pstate[i, s]})
     */
    public double probability(int i, int s) {
        return k.pstate()[at(i, s)];
    }

    /**
     * Infinitesimal-jackknife standard error of {@link #probability(int, int)}.
     *
     * @param i the time index (0-based)
     * @param s the state index (0-based)
     * @return infinitesimal-jackknife standard error of {@link #probability(int, int)}
     */
    public double standardError(int i, int s) {
        return k.stdErr()[at(i, s)];
    }

    /**
     * Lower confidence limit (absent where R gives NA: probability 0, or conf.type none).
     *
     * @param i the time index (0-based)
     * @param s the state index (0-based)
     * @return lower confidence limit (absent where R gives NA: probability 0, or conf.type none)
     */
    public OptionalDouble lower(int i, int s) {
        return present(lower[at(i, s)]);
    }

    /**
     * Upper confidence limit (absent where R gives NA).
     *
     * @param i the time index (0-based)
     * @param s the state index (0-based)
     * @return upper confidence limit (absent where R gives NA)
     */
    public OptionalDouble upper(int i, int s) {
        return present(upper[at(i, s)]);
    }

    /**
     * Subjects at risk in state {@code s} just before time {@code i} (R {@code n.risk[i, s]}).
     *
     * @param i the time index (0-based)
     * @param s the state index (0-based)
     * @return subjects at risk in state {@code s} just before time {@code i} (R {@code n.risk[i, s]})
     */
    public int numberAtRisk(int i, int s) {
        return k.nRisk()[at(i, s)];
    }

    /**
     * Transitions into state {@code s} at time {@code i} (R {@code n.event[i, s]}).
     *
     * @param i the time index (0-based)
     * @param s the state index (0-based)
     * @return transitions into state {@code s} at time {@code i} (R {@code n.event[i, s]})
     */
    public int events(int i, int s) {
        return k.nEvent()[at(i, s)];
    }

    /**
     * Censored rows at time {@code i} (R {@code n.censor[i]}).
     *
     * @param i the time index (0-based)
     * @return censored rows at time {@code i} (R {@code n.censor[i]})
     */
    public int censored(int i) {
        return k.nCensor()[checkTime(i)];
    }

    /** {@return number of observed transitions (columns of R's {@code fit$cumhaz})} */
    public int transitionCount() {
        return transitions.length;
    }

    /**
     * Cumulative hazard of observed transition {@code j} at time {@code i} (R {@code cumhaz[i, j]}).
     *
     * @param i the time index (0-based)
     * @param j the transition index (0-based)
     * @return cumulative hazard of observed transition {@code j} at time {@code i} (R {@code cumhaz[i, j]})
     */
    public double cumulativeHazard(int i, int j) {
        if (j < 0 || j >= transitions.length) {
            throw Check.fail("transition index %d is outside 0..%d", j, transitions.length - 1);
        }
        return k.cumhaz()[checkTime(i) * states.size() * states.size() + transitions[j]];
    }

    /**
     * Probability of state {@code state} at time {@code t} (the initial probabilities before the first time).
     *
     * @param t the time
     * @param state the state's name
     * @return probability of state {@code state} at time {@code t} (the initial probabilities before the first time)
     */
    public double probabilityAt(double t, String state) {
        int i = index(t);
        int s = stateIndex(state);
        return i < 0 ? k.p0()[s] : probability(i, s);
    }

    /** Index of the last time {@code <= t}, or -1 (the times are distinct and ascending). */
    int index(double t) {
        Check.finite("time", t);
        int at = java.util.Arrays.binarySearch(k.time(), t);
        return at >= 0 ? at : -at - 2;
    }

    /** Number of times {@code < t}. */
    int countBefore(double t) {
        int at = java.util.Arrays.binarySearch(k.time(), t);
        return at >= 0 ? at : -at - 1;
    }

    double rawLower(int i, int s) {
        return lower[at(i, s)];
    }

    double rawUpper(int i, int s) {
        return upper[at(i, s)];
    }

    private static OptionalDouble present(double v) {
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private int checkTime(int i) {
        if (i < 0 || i >= k.time().length) {
            throw Check.fail("time index %d is outside 0..%d", i, k.time().length - 1);
        }
        return i;
    }

    private int at(int i, int s) {
        checkTime(i);
        if (s < 0 || s >= states.size()) {
            throw Check.fail("state index %d is outside 0..%d %s", s, states.size() - 1, states);
        }
        return i * states.size() + s;
    }

    @Override
    public String toString() {
        return "MultiStateCurve[" + name + ", " + size() + " times, states " + states + "]";
    }
}
