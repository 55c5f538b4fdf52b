package io.survkit.relative;

/** One cohort's expected survival at the chosen times. Immutable. */
public final class ExpectedSurvivalCurve {
    private final String name;
    private final double[] time;
    private final double[] surv;
    private final int rows;

    ExpectedSurvivalCurve(String name, double[] time, double[] surv, int rows) {
        this.name = name;
        this.time = time;
        this.surv = surv;
        this.rows = rows;
    }

    /** {@return {@code all}, or {@code <group>=<value>}} */
    public String name() {
        return name;
    }

    /** {@return number of times} */
    public int size() {
        return time.length;
    }

    /**
     * Time {@code j} (days).
     *
     * @param j the 0-based time index
     * @return the time {@code j} (days)
     */
    public double time(int j) {
        return time[j];
    }

    /** {@return copy of the times} */
    public double[] times() {
        return time.clone();
    }

    /**
     * Expected survival at time {@code j}.
     *
     * @param j the 0-based time index
     * @return expected survival at time {@code j}
     */
    public double survival(int j) {
        return surv[j];
    }

    /** {@return copy of the expected survival at every time} */
    public double[] survival() {
        return surv.clone();
    }

    /** {@return rows of the cohort (R's {@code n.risk}, the same at every time)} */
    public int rowCount() {
        return rows;
    }
}
