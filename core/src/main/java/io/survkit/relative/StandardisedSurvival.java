package io.survkit.relative;

import io.survkit.internal.JsonWriter;
import io.survkit.internal.RFormat;
import io.survkit.table.Exportable;
import io.survkit.table.Table;
import java.util.Locale;

/** One age-standardised net survival curve read at chosen times ({@link AgeStandardisedNetSurvival}). Immutable. */
public final class StandardisedSurvival implements Exportable {
    private final String name;
    private final IcssStandard standard;
    private final double[] times;
    private final double[] surv;
    private final double[] stdErr;
    private final double[] lower;
    private final double[] upper;
    private final double[][] groupSurv;

    private StandardisedSurvival(String name, IcssStandard standard, double[] times, double[] surv, double[] stdErr,
            double[] lower, double[] upper, double[][] groupSurv) {
        this.name = name;
        this.standard = standard;
        this.times = times;
        this.surv = surv;
        this.stdErr = stdErr;
        this.lower = lower;
        this.upper = upper;
        this.groupSurv = groupSurv;
    }

    /** S = Σ w_g S_g, SE = sqrt(Σ w_g² SE_g²), limits S·exp(∓z·SE/S). */
    static StandardisedSurvival combine(String name, IcssStandard standard, double[] times, double[][] surv,
            double[][] se, double z) {
        int m = times.length;
        double[] s = new double[m];
        double[] e = new double[m];
        double[] lo = new double[m];
        double[] hi = new double[m];
        for (int j = 0; j < m; j++) {
            double v = 0;
            for (int g = 0; g < surv.length; g++) {
                double w = standard.weight(g);
                s[j] += w * surv[g][j];
                v += w * w * se[g][j] * se[g][j];
            }
            e[j] = Math.sqrt(v);
            lo[j] = s[j] * Math.exp(-z * e[j] / s[j]);
            hi[j] = s[j] * Math.exp(z * e[j] / s[j]);
        }
        return new StandardisedSurvival(name, standard, times.clone(), s, e, lo, hi, surv);
    }

    /** {@return {@code all}, or {@code <group>=<value>}} */
    public String name() {
        return name;
    }

    /** {@return the weights used} */
    public IcssStandard standard() {
        return standard;
    }

    /** {@return the times (days)} */
    public double[] times() {
        return times.clone();
    }

    /** {@return Age-standardised net survival at each time} */
    public double[] survival() {
        return surv.clone();
    }

    /** {@return its standard error} */
    public double[] standardError() {
        return stdErr.clone();
    }

    /** {@return lower confidence limits} */
    public double[] lower() {
        return lower.clone();
    }

    /** {@return upper confidence limits} */
    public double[] upper() {
        return upper.clone();
    }

    /**
     * Net survival of ICSS age group {@code g} at each time.
     *
     * @param g the 0-based group index
     * @return net survival of ICSS age group {@code g} at each time
     */
    public double[] ageGroupSurvival(int g) {
        return groupSurv[g].clone();
    }

    /** {@code name}, {@code standard}, {@code time}, {@code surv}, {@code stdErr}, {@code lower}, {@code upper}. */
    @Override
    public void writeJson(Appendable out) {
        new JsonWriter(out).beginObject().name("name").value(name).name("standard").value(standard.name())
                .name("time").array(times).name("surv").array(surv).name("stdErr").array(stdErr).name("lower")
                .array(lower).name("upper").array(upper).endObject();
    }

    /** One row per time: curve, standard, time, surv, stdErr, lower, upper. */
    @Override
    public Table table() {
        Table.Builder b = Table.builder().textColumn("curve").textColumn("standard").numberColumn("time")
                .numberColumn("surv").numberColumn("stdErr").numberColumn("lower").numberColumn("upper");
        for (int j = 0; j < times.length; j++) {
            b.text(name).text(standard.name()).number(times[j]).number(surv[j]).number(stdErr[j]).number(lower[j])
                    .number(upper[j]);
        }
        return b.build();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append(", age-standardised net survival (").append(standard)
                .append(")\n");
        for (int j = 0; j < times.length; j++) {
            sb.append(String.format(Locale.ROOT, "%8s %8s (se %s, %s-%s)%n", JsonWriter.number(times[j]),
                    RFormat.fixed(surv[j], 4), RFormat.fixed(stdErr[j], 4), RFormat.fixed(lower[j], 4),
                    RFormat.fixed(upper[j], 4)));
        }
        return sb.toString();
    }
}
