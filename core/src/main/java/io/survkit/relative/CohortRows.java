package io.survkit.relative;

import io.survkit.data.Factor;
import io.survkit.data.ModelFrame;
import io.survkit.internal.Check;

/**
 * The rows of a relative-survival analysis split by group into primitive arrays: follow-up (days),
 * event, age in table days (follow-up converted from its unit by one multiplication), diagnosis date (days since 1970-01-01) and sex code. Rows with
 * follow-up 0 are left out and counted.
 */
final class CohortRows {
    /** One group's rows. */
    record Group(String name, double[] time, byte[] event, double[] age, double[] date, byte[] sex) {
        int size() {
            return time.length;
        }
    }

    private final Group[] groups;
    private final int zeroTime;
    private final int omitted;
    private final double finalDate;

    private CohortRows(Group[] groups, int zeroTime, int omitted, double finalDate) {
        this.groups = groups;
        this.zeroTime = zeroTime;
        this.omitted = omitted;
        this.finalDate = finalDate;
    }

    static CohortRows of(ModelFrame frame, Demography who, RateTable table, double daysPerUnit) {
        return of(frame, who, table, daysPerUnit, false);
    }

    /**
     * The frame's rows split by its groups; {@code who} describes the rows of the data the frame
     * was built from. Rows with missing demography are left out and counted with the frame's own.
     * {@code keepZero} keeps rows with follow-up 0.
     */
    static CohortRows of(ModelFrame frame, Demography who, RateTable table, double daysPerUnit, boolean keepZero) {
        if (frame.hasStart()) {
            throw Check.fail("relative survival needs follow-up from diagnosis, not (start, stop] intervals");
        }
        if (frame.hasWeights()) {
            throw Check.fail("relative survival does not take case weights (relsurv's rs.surv has none)");
        }
        int[] dataRow = frame.dataRows();
        if (who.size() < maxPlusOne(dataRow)) {
            throw Check.fail("the demography has %d rows and the survival data %d; they must describe the same rows",
                    who.size(), maxPlusOne(dataRow));
        }
        Factor group = frame.groups().orElse(null);
        int levels = group == null ? 1 : group.levelCount();
        int[] sizes = new int[levels];
        int zero = 0;
        int missing = 0;
        double last = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < frame.rowCount(); i++) {
            double t = frame.time(i) * daysPerUnit;
            if (!(t >= 0 && t < Double.POSITIVE_INFINITY)) {
                throw Check.fail("%s: %s, expected a follow-up time in days, finite and >= 0",
                        frame.rowLocation(frame.timeColumn(), i), frame.time(i));
            }
            if (who.isMissing(dataRow[i])) {
                missing++;
            } else if (t == 0 && !keepZero) {
                zero++;
            } else {
                last = Math.max(last, t + who.dateDays(dataRow[i]));
                sizes[group == null ? 0 : group.code(i)]++;
            }
        }
        Group[] out = new Group[levels];
        int[] fill = new int[levels];
        for (int g = 0; g < levels; g++) {
            out[g] = new Group(group == null ? "all" : group.label(g), new double[sizes[g]], new byte[sizes[g]],
                    new double[sizes[g]], new double[sizes[g]], new byte[sizes[g]]);
        }
        for (int i = 0; i < frame.rowCount(); i++) {
            int r = dataRow[i];
            if (who.isMissing(r) || frame.time(i) == 0 && !keepZero) {
                continue;
            }
            int g = group == null ? 0 : group.code(i);
            int k = fill[g]++;
            Group o = out[g];
            o.time()[k] = frame.time(i) * daysPerUnit;
            o.event()[k] = (byte) (frame.isEvent(i) ? 1 : 0);
            o.age()[k] = who.ageDays(r, table.daysPerYear());
            o.date()[k] = who.dateDays(r);
            o.sex()[k] = who.sexCode(r);
        }
        return new CohortRows(out, zero, frame.omittedRows() + missing, last);
    }

    /** Checks that {@code who} describes the rows of {@code data}, one for one. */
    static Demography sameRows(io.survkit.data.SurvivalData data, Demography who) {
        Check.notNull("data", data);
        Check.notNull("demography", who);
        if (who.size() != data.rowCount()) {
            throw Check.fail("the demography has %d rows and the survival data %d; they must describe the same rows",
                    who.size(), data.rowCount());
        }
        return who;
    }

    private static int maxPlusOne(int[] rows) {
        int m = 0;
        for (int r : rows) {
            m = Math.max(m, r + 1);
        }
        return m;
    }

    int groupCount() {
        return groups.length;
    }

    Group group(int g) {
        return groups[g];
    }

    int zeroTimeRows() {
        return zeroTime;
    }

    /** Rows left out: missing in a column the frame uses, or missing age, sex or date. */
    int omittedRows() {
        return omitted;
    }

    /** Hakulinen's end of follow-up: the latest date + time over all rows (relsurv's {@code fin.date}). */
    double finalDate() {
        return finalDate;
    }
}
