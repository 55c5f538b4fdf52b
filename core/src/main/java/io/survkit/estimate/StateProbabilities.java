package io.survkit.estimate;

import io.survkit.internal.Check;
import java.util.List;

/**
 * One multi-state Aalen-Johansen curve of R {@code survfit(Surv(time, factor(status)) ~ group)}:
 * at every distinct time (events and censorings) the probability of being in each state
 * ({@code "(s0)"} = event-free, then one state per cause) and its infinitesimal-jackknife standard
 * error. The {@code (s0)} column is the all-cause Kaplan-Meier; the cause columns are the
 * cumulative incidences; each row sums to 1.
 *
 * <pre>{@code
 * StateProbabilities aj = CumulativeIncidence.withDefaults()
 *         .withMethod(CifMethod.AALEN_JOHANSEN).fit(data).stateCurve(0);
 * double p1 = aj.probabilityAt(5.0, 1);   // P(failed from the first cause by t = 5)
 * }</pre>
 */
public final class StateProbabilities {
    private final String name;
    private final List<String> states;
    private final double[] time;
    private final double[] pstate;
    private final double[] stdErr;
    private final int[] atRisk;
    private final int[] events;
    private final int[] censored;
    private final int rows;

    StateProbabilities(String name, List<String> states, double[] time, double[] pstate, double[] stdErr,
            int[] atRisk, int[] events, int[] censored, int rows) {
        this.name = name;
        this.states = List.copyOf(states);
        this.time = time;
        this.pstate = pstate;
        this.stdErr = stdErr;
        this.atRisk = atRisk;
        this.events = events;
        this.censored = censored;
        this.rows = rows;
    }

    /** {@return R's strata name ({@code "group=A"}), or {@code "all"} without a group} */
    public String name() {
        return name;
    }

    /** {@return the states: {@code "(s0)"} then the cause labels} */
    public List<String> states() {
        return states;
    }

    /** {@return number of states} */
    public int stateCount() {
        return states.size();
    }

    /** {@return number of distinct times} */
    public int size() {
        return time.length;
    }

    /** {@return rows (subjects) of the curve (R {@code n})} */
    public int rowCount() {
        return rows;
    }

    /**
     * Time {@code i}.
     *
     * @param i the 0-based time index
     * @return the time {@code i}
     */
    public double time(int i) {
        return time[i];
    }

    /** {@return copy of the distinct times (R {@code fit$time})} */
    public double[] times() {
        return time.clone();
    }

    /**
     * Probability of state {@code s} at time {@code i} (R {@code fit$pstate[i, s]}).
     *
     * @param i the 0-based time index
     * @param s the 0-based state index
     * @return probability of state {@code s} at time {@code i} (R {@code fit$pstate[i, s]})
     */
    public double probability(int i, int s) {
        return pstate[i * states.size() + checkState(s)];
    }

    /**
     * Standard error of {@link #probability(int, int)} (R {@code fit$std.err[i, s]}).
     *
     * @param i the 0-based index
     * @param s the 0-based index
     * @return the standard error of {@link #probability(int, int)} (R {@code fit$std.err[i, s]})
     */
    public double standardError(int i, int s) {
        return stdErr[i * states.size() + checkState(s)];
    }

    /** {@return copy of the probabilities, one row per time, one column per state (R {@code fit$pstate})} */
    public double[][] probabilities() {
        return matrix(pstate);
    }

    /** {@return copy of the standard errors, same shape (R {@code fit$std.err})} */
    public double[][] standardErrors() {
        return matrix(stdErr);
    }

    /**
     * Subjects at risk (in {@code (s0)}) just before time {@code i} (R {@code n.risk[, 1]}).
     *
     * @param i the 0-based time index
     * @return subjects at risk (in {@code (s0)}) just before time {@code i} (R {@code n.risk[, 1]})
     */
    public int numberAtRisk(int i) {
        return atRisk[i];
    }

    /**
     * Events of cause {@code k} (1-based, as the state index) at time {@code i}.
     *
     * @param i the 0-based time index
     * @param k the 0-based cause index
     * @return events of cause {@code k} (1-based, as the state index) at time {@code i}
     */
    public int events(int i, int k) {
        if (k < 1 || k >= states.size()) {
            throw Check.fail("cause index %d is outside 1..%d", k, states.size() - 1);
        }
        return events[i * (states.size() - 1) + k - 1];
    }

    /**
     * Censorings at time {@code i}.
     *
     * @param i the 0-based time index
     * @return censorings at time {@code i}
     */
    public int censored(int i) {
        return censored[i];
    }

    /**
     * Total events of cause {@code k} (1-based).
     *
     * @param k the 0-based cause index
     * @return total events of cause {@code k} (1-based)
     */
    public int eventCount(int k) {
        int n = 0;
        for (int i = 0; i < time.length; i++) {
            n += events(i, k);
        }
        return n;
    }

    /**
     * Probability of state {@code s} at time t (step function; state 0 has probability 1 before the first time).
     *
     * @param t the time
     * @param s the 0-based state index
     * @return probability of state {@code s} at time t (step function; state 0 has probability 1 before the first time)
     */
    public double probabilityAt(double t, int s) {
        int i = index(t);
        return i < 0 ? (s == 0 ? 1.0 : 0.0) : probability(i, s);
    }

    /**
     * Standard error of state {@code s} at time t (0 before the first time).
     *
     * @param t the time
     * @param s the 0-based state index
     * @return the standard error of state {@code s} at time t (0 before the first time)
     */
    public double standardErrorAt(double t, int s) {
        int i = index(t);
        return i < 0 ? 0.0 : standardError(i, s);
    }

    /**
     * Restricted mean time in state {@code s} up to {@code tau}: the integral of the state's
     * probability over [0, tau] (R {@code print(fit, rmean = tau)}).
     *
     * @param s the 0-based state index
     * @param tau the time horizon
     * @return restricted mean time in state {@code s} up to {@code tau}: the integral of the state's probability over [0, tau] (R {@code print(fit, rmean = tau)})
     */
    public double restrictedMean(int s, double tau) {
        checkState(s);
        Check.finite("tau", tau);
        double sum = 0;
        double prev = Math.min(0, time.length > 0 ? time[0] : 0);
        double p = s == 0 ? 1.0 : 0.0;
        for (int i = 0; i < time.length && time[i] <= tau; i++) {
            sum += p * (time[i] - prev);
            prev = time[i];
            p = probability(i, s);
        }
        return sum + p * Math.max(0, tau - prev);
    }

    private int index(double t) {
        Check.finite("time", t);
        int lo = 0;
        int hi = time.length - 1;
        int r = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (time[mid] <= t) {
                r = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return r;
    }

    private int checkState(int s) {
        if (s < 0 || s >= states.size()) {
            throw Check.fail("state index %d is outside 0..%d %s", s, states.size() - 1, states);
        }
        return s;
    }

    private double[][] matrix(double[] flat) {
        int k = states.size();
        double[][] m = new double[time.length][k];
        for (int i = 0; i < time.length; i++) {
            System.arraycopy(flat, i * k, m[i], 0, k);
        }
        return m;
    }

    @Override
    public String toString() {
        return "StateProbabilities[" + name + ", " + time.length + " times, states " + states + "]";
    }
}
