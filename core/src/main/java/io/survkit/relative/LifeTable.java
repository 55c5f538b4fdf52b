package io.survkit.relative;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.data.Terms;
import io.survkit.internal.Check;
import java.util.ArrayList;
import java.util.List;

/**
 * The actuarial (life-table) estimator of SAS {@code PROC LIFETEST METHOD=LT}, {@code KMsurv::lifetab}
 * and SEER*Stat, on intervals [k·w, (k+1)·w) of a chosen width w, one table per group. Immutable.
 *
 * <p>Per interval j (KMsurv::lifetab; Collett, Modelling Survival Data, ch. 2): n'_j entered,
 * w_j withdrawn (censored in the interval), d_j events; effective number at risk n_j = n'_j − w_j/2;
 * q_j = d_j/n_j, p_j = 1 − q_j; survival at the start S_j = Π_{i &lt; j} p_i with Greenwood standard
 * error S_j·sqrt(Σ_{i &lt; j} d_i/(n_i(n_i − d_i))); density f_j = (S_j − S_{j+1})/w with standard error
 * S_j q_j/w · sqrt(Σ_{i &lt; j} q_i/(n_i p_i) + p_j/(n_j q_j)); hazard h_j = d_j/(w(n_j − d_j/2)) with
 * standard error h_j sqrt(1 − (h_j w/2)²)/sqrt(n_j q_j). As KMsurv treats the last interval as open,
 * its density, hazard and their errors are absent.
 *
 * <p>With a rate table ({@link #withRateTable}) each row also gets the Ederer II relative survival of
 * SEER*Stat and Stata's {@code strs}: expected interval survival p*_j = mean over the rows entering
 * interval j of exp(−∫ λ_i over the interval) (exact integration), relative interval survival
 * p_j/p*_j, cumulative relative survival at the end of the interval Π p_i/p*_i with standard error
 * (Greenwood error of the observed cumulative survival at the end)/Π p*_i.
 *
 * <pre>{@code
 * LifeTableResult lt = LifeTable.withDefaults().withIntervalWidth(365.25).estimate(data);
 * LifeTableResult rel = LifeTable.withDefaults().withIntervalWidth(365.25).withRateTable(RateTable.us())
 *         .estimate(data, Demography.of(data, "age", "sex", "year"));
 * }</pre>
 */
public final class LifeTable {
    private static final LifeTable DEFAULTS = new LifeTable(365.25, null);

    private final double width;
    private final RateTable table;

    private LifeTable(double width, RateTable table) {
        this.width = width;
        this.table = table;
    }

    /**
     * Intervals of 365.25 time units (a year when times are days), no rate table.
     *
     * @return the shared default instance
     */
    public static LifeTable withDefaults() {
        return DEFAULTS;
    }

    /**
     * The same with intervals {@code w} long (in the data's time unit; days with a rate table).
     *
     * @param w the value
     * @return a new instance with this setting (this one is unchanged)
     */
    public LifeTable withIntervalWidth(double w) {
        return new LifeTable(Check.positiveFinite("interval width", w), table);
    }

    /**
     * The same with a population rate table, for the relative (Ederer II) columns.
     *
     * @param t the rate table
     * @return a new instance with this setting (this one is unchanged)
     */
    public LifeTable withRateTable(RateTable t) {
        return new LifeTable(width, Check.notNull("rate table", t));
    }

    /**
     * The observed life table of all rows.
     *
     * @param data the data
     * @return the observed life table of all rows
     */
    public LifeTableResult estimate(SurvivalData data) {
        return estimate(ModelFrame.of(Check.notNull("data", data), Terms.none()));
    }

    /**
     * The observed life table, one per group of {@code groups} (columns, e.g. {@code "sex"}).
     *
     * @param data the data
     * @param groups the groups
     * @return the observed life table, one per group of {@code groups} (columns, e.g
     */
    public LifeTableResult estimate(SurvivalData data, String groups) {
        return estimate(ModelFrame.of(Check.notNull("data", data), Terms.parse(Check.notNull("groups", groups))));
    }

    /**
     * The observed life table, one per group of {@code frame}.
     *
     * @param frame the model frame
     * @return the observed life table, one per group of {@code frame}
     */
    public LifeTableResult estimate(ModelFrame frame) {
        Check.notNull("frame", frame);
        return fit(frame, null);
    }

    /**
     * The life table with the relative columns, one per group of {@code frame}; {@code who}
     * describes the rows of the frame's data.
     *
     * @param frame the model frame
     * @param who the who
     * @return the life table with the relative columns, one per group of {@code frame}; {@code who} describes the rows of the frame's data
     */
    public LifeTableResult estimate(ModelFrame frame, Demography who) {
        Check.notNull("frame", frame);
        Check.notNull("demography", who);
        if (table == null) {
            throw Check.fail("give a rate table (withRateTable) for the relative columns");
        }
        return fit(frame, who);
    }

    /**
     * The life table with the relative columns for all rows of {@code data}.
     *
     * @param data the data
     * @param who the who
     * @return the life table with the relative columns for all rows of {@code data}
     */
    public LifeTableResult estimate(SurvivalData data, Demography who) {
        return estimate(ModelFrame.of(Check.notNull("data", data), Terms.none()), CohortRows.sameRows(data, who));
    }

    private LifeTableResult fit(ModelFrame frame, Demography who) {
        RateTable rt = table != null ? table : RateTable.us();
        int n = 0;
        for (int r : frame.dataRows()) {
            n = Math.max(n, r + 1);
        }
        CohortRows rows = CohortRows.of(frame, who != null ? who : placeholder(n), rt, 1, true);
        List<LifeTableGroup> groups = new ArrayList<>();
        for (int g = 0; g < rows.groupCount(); g++) {
            CohortRows.Group c = rows.group(g);
            if (c.size() > 0) {
                groups.add(LifeTableGroup.of(c, width, who != null ? rt : null));
            }
        }
        return new LifeTableResult(width, groups, rows.omittedRows());
    }

    private static Demography placeholder(int n) {
        Sex[] s = new Sex[n];
        java.time.LocalDate[] d = new java.time.LocalDate[n];
        java.util.Arrays.fill(s, Sex.MALE);
        java.util.Arrays.fill(d, java.time.LocalDate.EPOCH);
        return Demography.of(new double[n], s, d);
    }

    @Override
    public String toString() {
        return "LifeTable[width=" + width + (table != null ? ", rateTable=" + table.name() : "") + "]";
    }
}
