package io.survkit.estimate;

import java.util.Arrays;

/**
 * Competing-risks counts of one group at its distinct times (events of any cause and
 * censorings): number at risk just before each time, events per cause, censorings. Built from
 * unweighted right-censored rows by sorting each (status) bucket once with {@link Arrays#sort} and
 * merging the sorted runs, as the Kaplan-Meier fast path does.
 */
final class CauseCounts {
    /** Number of causes K (status codes 1..K). */
    final int causes;
    /** Distinct times, ascending. */
    final double[] time;
    /** Subjects with follow-up >= time[j]. */
    final int[] atRisk;
    /** Events of cause k+1 at time j: {@code events[j * causes + k]}. */
    final int[] events;
    /** Events of any cause at time j. */
    final int[] allEvents;
    /** Censorings at time j. */
    final int[] censored;
    /** Rows of the group. */
    final int rows;

    private CauseCounts(int causes, double[] time, int[] atRisk, int[] events, int[] allEvents, int[] censored,
            int rows) {
        this.causes = causes;
        this.time = time;
        this.atRisk = atRisk;
        this.events = events;
        this.allEvents = allEvents;
        this.censored = censored;
        this.rows = rows;
    }

    /** Number of distinct times. */
    int size() {
        return time.length;
    }

    /**
     * Counts per group. {@code buffer[start[b], start[b + 1])} holds the times of bucket
     * {@code b = group * (causes + 1) + status}; each bucket is sorted here (in place).
     * Returns null for a group without rows.
     */
    static CauseCounts[] of(double[] buffer, int[] start, int groups, int causes) {
        int s = causes + 1;
        CauseCounts[] out = new CauseCounts[groups];
        int[] head = new int[s];
        int[] end = new int[s];
        for (int g = 0; g < groups; g++) {
            int rows = start[(g + 1) * s] - start[g * s];
            if (rows == 0) {
                continue;
            }
            for (int b = 0; b < s; b++) {
                io.survkit.internal.Sorting.sortRange(buffer, start[g * s + b], start[g * s + b + 1]);
            }
            // pass 1: count the distinct times
            int m = 0;
            reset(head, end, start, g, s);
            while (true) {
                double t = next(buffer, head, end, s);
                if (t != t) {
                    break;
                }
                for (int b = 0; b < s; b++) {
                    while (head[b] < end[b] && buffer[head[b]] == t) {
                        head[b]++;
                    }
                }
                m++;
            }
            double[] time = new double[m];
            int[] atRisk = new int[m];
            int[] events = new int[m * causes];
            int[] all = new int[m];
            int[] cens = new int[m];
            reset(head, end, start, g, s);
            int risk = rows;
            for (int j = 0; j < m; j++) {
                double t = next(buffer, head, end, s);
                time[j] = t;
                atRisk[j] = risk;
                int c0 = head[0];
                while (head[0] < end[0] && buffer[head[0]] == t) {
                    head[0]++;
                }
                cens[j] = head[0] - c0;
                int d = 0;
                for (int b = 1; b < s; b++) {
                    int h0 = head[b];
                    while (head[b] < end[b] && buffer[head[b]] == t) {
                        head[b]++;
                    }
                    events[j * causes + b - 1] = head[b] - h0;
                    d += head[b] - h0;
                }
                all[j] = d;
                risk -= d + cens[j];
            }
            out[g] = new CauseCounts(causes, time, atRisk, events, all, cens, rows);
        }
        return out;
    }

    /**
     * The counts of group {@code g} of an unweighted count table with per-cause events, pooled over
     * its strata (cells at the same time summed); null when the group has no rows. Equal to
     * {@link #of} on the subject rows the table summarises.
     */
    static CauseCounts of(io.survkit.data.CountTable t, int g) {
        int kk = t.causes().size();
        int cells = 0;
        for (int c = 0; c < t.size(); c++) {
            cells += t.group(c) == g && t.events(c) + t.censored(c) > 0 ? 1 : 0;
        }
        if (cells == 0) {
            return null;
        }
        int[] index = new int[cells];
        double[] at = new double[cells];
        int q = 0;
        for (int c = 0; c < t.size(); c++) {
            if (t.group(c) == g && t.events(c) + t.censored(c) > 0) {
                index[q] = c;
                at[q++] = t.time(c);
            }
        }
        int[] order = io.survkit.internal.Sorting.order(at);
        int m = 0;
        for (int r = 0; r < cells; r++) {
            m += r == 0 || at[order[r]] != at[order[r - 1]] ? 1 : 0;
        }
        double[] time = new double[m];
        int[] atRisk = new int[m];
        int[] events = new int[m * kk];
        int[] all = new int[m];
        int[] cens = new int[m];
        int j = -1;
        int rows = 0;
        for (int r = 0; r < cells; r++) {
            int c = index[order[r]];
            if (r == 0 || at[order[r]] != at[order[r - 1]]) {
                time[++j] = at[order[r]];
            }
            for (int k = 0; k < kk; k++) {
                int e = (int) t.events(c, k + 1);
                events[j * kk + k] += e;
                all[j] += e;
            }
            cens[j] += (int) t.censored(c);
            rows += (int) (t.events(c) + t.censored(c));
        }
        int risk = rows;
        for (int i = 0; i < m; i++) {
            atRisk[i] = risk;
            risk -= all[i] + cens[i];
        }
        return new CauseCounts(kk, time, atRisk, events, all, cens, rows);
    }

    private static void reset(int[] head, int[] end, int[] start, int g, int s) {
        for (int b = 0; b < s; b++) {
            head[b] = start[g * s + b];
            end[b] = start[g * s + b + 1];
        }
    }

    /** The smallest head time over the buckets, NaN when all are exhausted. */
    private static double next(double[] buffer, int[] head, int[] end, int s) {
        double t = Double.NaN;
        for (int b = 0; b < s; b++) {
            if (head[b] < end[b]) {
                double v = buffer[head[b]];
                if (!(v >= t)) {
                    t = v;
                }
            }
        }
        return t;
    }

    /** The same counts restricted to the causes k (1-based) with {@code eventsOf[k] > 0}. */
    CauseCounts keepCauses(int[] eventsOf) {
        int kept = 0;
        for (int k = 1; k <= causes; k++) {
            kept += eventsOf[k] > 0 ? 1 : 0;
        }
        int m = time.length;
        int[] ev = new int[m * kept];
        for (int j = 0; j < m; j++) {
            int q = 0;
            for (int k = 1; k <= causes; k++) {
                if (eventsOf[k] > 0) {
                    ev[j * kept + q++] = events[j * causes + k - 1];
                }
            }
        }
        return new CauseCounts(kept, time, atRisk, ev, allEvents, censored, rows);
    }
}
