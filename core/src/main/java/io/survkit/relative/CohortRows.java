package io.survkit.relative;

import io.survkit.data.Factor;
import io.survkit.data.SurvivalData;
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
    private final double finalDate;

    private CohortRows(Group[] groups, int zeroTime, double finalDate) {
        this.groups = groups;
        this.zeroTime = zeroTime;
        this.finalDate = finalDate;
    }

    static CohortRows of(SurvivalData data, Demography who, RateTable table, double daysPerUnit) {
        return of(data, who, table, daysPerUnit, false);
    }

    /** As {@link #of(SurvivalData, Demography, RateTable, double)}; {@code keepZero} keeps rows with time 0. */
    static CohortRows of(SurvivalData data, Demography who, RateTable table, double daysPerUnit, boolean keepZero) {
        if (who.size() != data.size()) {
            throw Check.fail("the demography has %d rows and the survival data %d; they must describe the same rows",
                    who.size(), data.size());
        }
        if (data.hasStart()) {
            throw Check.fail("relative survival needs follow-up from diagnosis, not (start, stop] intervals");
        }
        if (data.hasWeights()) {
            throw Check.fail("relative survival does not take case weights (relsurv's rs.surv has none)");
        }
        Factor group = data.group();
        int levels = group == null ? 1 : group.levelCount();
        int[] sizes = new int[levels];
        int zero = 0;
        double last = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < data.size(); i++) {
            double t = data.time(i) * daysPerUnit;
            if (!(t >= 0 && t < Double.POSITIVE_INFINITY)) {
                throw Check.fail("%s: %s, expected a follow-up time in days, finite and >= 0",
                        Check.at(data.timeColumn(), data.fileRow(i)), t);
            }
            if (t == 0 && !keepZero) {
                zero++;
            } else {
                last = Math.max(last, t + who.dateDays(i));
                sizes[group == null ? 0 : group.code(i)]++;
            }
        }
        Group[] out = new Group[levels];
        int[] fill = new int[levels];
        for (int g = 0; g < levels; g++) {
            out[g] = new Group(RelativeSurvival.groupName(group, g), new double[sizes[g]], new byte[sizes[g]],
                    new double[sizes[g]], new double[sizes[g]], new byte[sizes[g]]);
        }
        for (int i = 0; i < data.size(); i++) {
            if (data.time(i) == 0 && !keepZero) {
                continue;
            }
            int g = group == null ? 0 : group.code(i);
            int k = fill[g]++;
            Group o = out[g];
            o.time()[k] = data.time(i) * daysPerUnit;
            o.event()[k] = (byte) (data.isEvent(i) ? 1 : 0);
            o.age()[k] = who.ageDays(i, table.daysPerYear());
            o.date()[k] = who.dateDays(i);
            o.sex()[k] = who.sexCode(i);
        }
        return new CohortRows(out, zero, last);
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

    /** Hakulinen's end of follow-up: the latest date + time over all rows (relsurv's {@code fin.date}). */
    double finalDate() {
        return finalDate;
    }
}
