package io.survkit.estimate;

/**
 * The per-time counts of one curve: number at risk, events and censorings. Unweighted
 * right-censored data keep them as {@code int} (half the memory of a million-time curve);
 * weighted or left-truncated data as {@code double} (weighted sums).
 */
abstract class Counts {
    abstract double atRisk(int i);

    abstract double events(int i);

    abstract double censored(int i);

    abstract int size();

    static Counts of(int[] atRisk, int[] events, int[] censored) {
        return new Whole(atRisk, events, censored);
    }

    static Counts of(double[] atRisk, double[] events, double[] censored) {
        return new Weighted(atRisk, events, censored);
    }

    /** Whole-number counts (no case weights). */
    static final class Whole extends Counts {
        private final int[] atRisk;
        private final int[] events;
        private final int[] censored;

        Whole(int[] atRisk, int[] events, int[] censored) {
            this.atRisk = atRisk;
            this.events = events;
            this.censored = censored;
        }

        @Override
        double atRisk(int i) {
            return atRisk[i];
        }

        @Override
        double events(int i) {
            return events[i];
        }

        @Override
        double censored(int i) {
            return censored[i];
        }

        @Override
        int size() {
            return atRisk.length;
        }
    }

    /** Weighted sums. */
    static final class Weighted extends Counts {
        private final double[] atRisk;
        private final double[] events;
        private final double[] censored;

        Weighted(double[] atRisk, double[] events, double[] censored) {
            this.atRisk = atRisk;
            this.events = events;
            this.censored = censored;
        }

        @Override
        double atRisk(int i) {
            return atRisk[i];
        }

        @Override
        double events(int i) {
            return events[i];
        }

        @Override
        double censored(int i) {
            return censored[i];
        }

        @Override
        int size() {
            return atRisk.length;
        }
    }
}
