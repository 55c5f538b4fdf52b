package io.survkit.relative;

import io.survkit.internal.JsonWriter;
import io.survkit.table.Exportable;
import io.survkit.table.Table;
import java.util.List;
import java.util.Locale;

/** The log-rank-type test of equal net survival ({@link NetSurvivalComparison}). Immutable. */
public final class NetSurvivalComparisonResult implements Exportable {
    private final List<String> groups;
    private final double[] z;
    private final double[] covariance;
    private final double statistic;
    private final int df;
    private final double pValue;

    NetSurvivalComparisonResult(List<String> groups, double[] z, double[] covariance, double statistic, int df,
            double pValue) {
        this.groups = List.copyOf(groups);
        this.z = z;
        this.covariance = covariance;
        this.statistic = statistic;
        this.df = df;
        this.pValue = pValue;
    }

    /** {@return group names ({@code <group>=<value>})} */
    public List<String> groups() {
        return groups;
    }

    /**
     * Weighted observed minus expected excess deaths Z_h of group {@code h} (R {@code zh}, all groups).
     *
     * @param h the 0-based group index
     * @return weighted observed minus expected excess deaths Z_h of group {@code h} (R {@code zh}, all groups)
     */
    public double score(int h) {
        return z[h];
    }

    /**
     * Covariance of Z between groups {@code a} and {@code b} (R {@code covmat} before the last group is dropped).
     *
     * @param a the 0-based groups index
     * @param b the number of replicates
     * @return covariance of Z between groups {@code a} and {@code b} (R {@code covmat} before the last group is dropped)
     */
    public double covariance(int a, int b) {
        return covariance[a * groups.size() + b];
    }

    /** {@return the chi-square statistic (R {@code test.stat})} */
    public double statistic() {
        return statistic;
    }

    /** {@return degrees of freedom: groups − 1} */
    public int degreesOfFreedom() {
        return df;
    }

    /** {@return Upper-tail p-value of the chi-square} */
    public double pValue() {
        return pValue;
    }

    /** {@code groups}, {@code z}, {@code statistic}, {@code df}, {@code pValue}. */
    @Override
    public void writeJson(Appendable out) {
        new JsonWriter(out).beginObject().name("groups").array(groups).name("z").array(z.clone()).name("statistic")
                .value(statistic).name("df").value(df).name("pValue").value(pValue).endObject();
    }

    /** One row per group: group, z, and the test's statistic, df and p-value. */
    @Override
    public Table table() {
        Table.Builder b = Table.builder().textColumn("group").numberColumn("z").numberColumn("statistic")
                .numberColumn("df").numberColumn("p");
        for (int h = 0; h < groups.size(); h++) {
            b.text(groups.get(h)).number(z[h]).number(statistic).number(df).number(pValue);
        }
        return b.build();
    }

    /** As relsurv prints an {@code rsdiff}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Value of test statistic: %s%nDegrees of freedom: %d%nP value: %s%n",
                JsonWriter.number(statistic), df, JsonWriter.number(pValue));
    }
}
