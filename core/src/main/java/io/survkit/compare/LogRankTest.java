package io.survkit.compare;

import io.survkit.data.ModelFrame;
import io.survkit.data.Terms;
import io.survkit.data.CountTable;
import io.survkit.data.Factor;
import io.survkit.data.SurvivalData;
import io.survkit.internal.Check;
import java.util.ArrayList;
import java.util.List;

/**
 * The k-sample weighted log-rank test, equal to R survival 3.5's
 * {@code survdiff(Surv(time, status) ~ group [+ strata(s)], rho = )}. Immutable; each
 * {@code with...} returns a new instance.
 *
 * <p>At each distinct event time t (within a stratum) with d events among n at risk, of which d_g
 * and n_g in group g, and weight w(t) ({@link Weighting}): O_g = sum w d_g, E_g = sum w d n_g / n,
 * V_gh = sum w^2 d (n - d) / (n - 1) (n_g / n) (delta_gh - n_h / n) (Mantel 1966; Peto and Peto
 * 1972; Fleming and Harrington 1991). With strata every sum runs over the strata (R: the weights'
 * Kaplan-Meier is pooled within each stratum). The statistic is (O - E)' V^- (O - E) over the groups
 * with E > 0 leaving out the first of them, on (their number - 1) degrees of freedom, as R.
 *
 * <p>Defaults ({@link #withDefaults()}): {@link Weighting#LOG_RANK}, rho = 0, gamma = 0.
 *
 * <p>Beyond R's {@code survdiff} (which takes right-censored rows without weights): counting-process
 * rows {@code (start, stop]} (a subject is at risk at t when start &lt; t &lt;= stop), case weights,
 * pre-aggregated counts ({@link CountTable}, the same numbers as the rows they summarise),
 * Gehan-Breslow and Tarone-Ware weights, and Fleming-Harrington gamma.
 *
 * <p>Case weights of rows: O, E and the weights' Kaplan-Meier are weighted sums, and the variance of
 * O - E is the robust (sandwich) variance of the score, sum_i (c_i r_i)(c_i r_i)' over the rows'
 * score residuals r_i (summed within clusters with a {@code cluster()} term) — the variance of R's
 * robust score test {@code coxph(Surv ~ group, weights = w, ties = "breslow", robust = TRUE)$rscore},
 * equal to it for the log-rank weight (see {@code RobustScore}). Multiplying every weight by a
 * constant leaves the statistic and p unchanged, from 1e-160 to 1e300. (start, stop] rows with case
 * weights need a cluster (the subject id), as in R. Frequencies (a weight of 2 = two rows) are a count
 * table: {@code test(CountTable.of(frame))} uses the hypergeometric variance on the weighted counts
 * (an event time whose weighted number at risk is &lt;= 1 adds no variance).
 *
 * <p>Groups: one per level of the data's group column that has rows (R drops empty levels).
 * Undefined tests are errors, not NaN: one group only, no events at all (R: chisq 0 on -1 df, p NaN),
 * and a zero variance (R: a singular-matrix error) throw {@link IllegalArgumentException}. When
 * fewer than two groups have expected > 0 the result is R's chisq 0 on 0 df, p = 1.
 *
 * <p>Cost: unweighted right-censored rows take one {@code Arrays.sort} of each group's event times
 * and of its censoring times and one merge; other input goes through {@link CountTable#of}.
 *
 * <pre>{@code
 * SurvivalData lung = SurvivalData.csv(Path.of("lung.csv")).time("time").event("status", "2").read();
 * LogRankResult r = LogRankTest.withDefaults().test(lung);
 * System.out.println(r);                 // R's print(survdiff(...)) table
 * double p = r.pValue();
 * double peto = LogRankTest.withDefaults().withRho(1).statistic(lung);   // survdiff(rho = 1)
 * }</pre>
 */
public final class LogRankTest {
    private static final LogRankTest DEFAULTS = new LogRankTest(Weighting.LOG_RANK, 0, 0);

    private final Weighting weighting;
    private final double rho;
    private final double gamma;

    private LogRankTest(Weighting weighting, double rho, double gamma) {
        this.weighting = weighting;
        this.rho = rho;
        this.gamma = gamma;
    }

    /**
     * The log-rank (Mantel-Cox) test: {@link Weighting#LOG_RANK}, rho = gamma = 0.
     *
     * @return the shared default instance
     */
    public static LogRankTest withDefaults() {
        return DEFAULTS;
    }

    /**
     * The same test with weights {@code w}. Rho and gamma belong to
     * {@link Weighting#FLEMING_HARRINGTON}; another weighting is rejected while they are not 0.
     *
     * @param w the weighting
     * @return a new instance with this setting (this one is unchanged)
     */
    public LogRankTest withWeighting(Weighting w) {
        Check.notNull("weighting", w);
        if (w != Weighting.FLEMING_HARRINGTON && (rho != 0 || gamma != 0)) {
            throw Check.fail("weighting %s does not use rho = %s and gamma = %s; they belong to "
                    + "FLEMING_HARRINGTON (set them to 0 first, or keep FLEMING_HARRINGTON)", w, rho, gamma);
        }
        return new LogRankTest(w, rho, gamma);
    }

    /**
     * Fleming-Harrington weights S(t-)^rho (1 - S(t-))^gamma with this rho (finite, >= 0), keeping
     * gamma: R's {@code survdiff(rho = )} when gamma = 0 (rho = 1 is R's Peto-Peto). Sets the
     * weighting to {@link Weighting#FLEMING_HARRINGTON}.
     *
     * @param rho the weight exponent rho
     * @return a new instance with this setting (this one is unchanged)
     */
    public LogRankTest withRho(double rho) {
        return new LogRankTest(Weighting.FLEMING_HARRINGTON, Check.nonNegativeFinite("rho", rho), gamma);
    }

    /**
     * Fleming-Harrington weights with this gamma (finite, >= 0), keeping rho; G(0, 1) weights late
     * differences. Sets the weighting to {@link Weighting#FLEMING_HARRINGTON}.
     *
     * @param gamma the weight exponent gamma
     * @return a new instance with this setting (this one is unchanged)
     */
    public LogRankTest withGamma(double gamma) {
        return new LogRankTest(Weighting.FLEMING_HARRINGTON, rho, Check.nonNegativeFinite("gamma", gamma));
    }

    /** {@return the weighting} */
    public Weighting weighting() {
        return weighting;
    }

    /** {@return Fleming-Harrington rho (0 unless set)} */
    public double rho() {
        return rho;
    }

    /** {@return Fleming-Harrington gamma (0 unless set)} */
    public double gamma() {
        return gamma;
    }

    /**
     * Tests subject rows (R {@code survdiff(Surv(...) ~ formula)}): groups = the combinations of
     * the formula's columns with rows, stratified by its {@code strata()} term, with case weights
     * and counting-process rows if present; rows missing in a used column are left out and counted.
     *
     * @param data the data
     * @param formula e.g. {@code "sex"} or {@code "trt + strata(prior)"}
     * @return the test
     * @throws IllegalArgumentException without a group column or with fewer than 2 groups with rows,
     *         without events, or when the variance is 0
     */
    public LogRankResult test(SurvivalData data, String formula) {
        return test(data, Terms.parse(Check.notNull("formula", formula)));
    }

    /**
     * Tests the groups of {@code terms} (columns, {@code factor()}), stratified by its {@code strata()} term.
     *
     * @param data the data
     * @param terms the groups and strata
     * @return the test
     */
    public LogRankResult test(SurvivalData data, Terms terms) {
        return test(ModelFrame.of(Check.notNull("data", data), Check.notNull("terms", terms)));
    }

    /**
     * Tests the groups of a resolved model frame.
     *
     * @param frame the frame
     * @return the test
     */
    public LogRankResult test(ModelFrame frame) {
        return test(Source.of(Check.notNull("frame", frame)));
    }

    /**
     * Tests pre-aggregated counts: the same numbers as the subject rows the table summarises.
     *
     * @param counts the count table
     * @return the result
     * @throws IllegalArgumentException as {@link #test(SurvivalData, String)}
     */
    public LogRankResult test(CountTable counts) {
        return test(Source.of(Check.notNull("counts", counts)));
    }

    /**
     * The chi-square statistic alone (R's {@code survdiff(...)$chisq}), without building a result.
     *
     * @param data the data
     * @param formula the model formula (R syntax)
     * @return the chi-square statistic alone (R's {@code survdiff(...)$chisq}), without building a result
     * @throws IllegalArgumentException as {@link #test(SurvivalData, String)}
     */
    public double statistic(SurvivalData data, String formula) {
        Source src = Source.of(ModelFrame.of(Check.notNull("data", data), Terms.parse(formula)));
        return ChiSquare.of(src.sums(this, src.present)).chiSquare;
    }

    /**
     * The chi-square statistic of a resolved model frame.
     *
     * @param frame the frame
     * @return the chi-square statistic
     */
    public double statistic(ModelFrame frame) {
        Source src = Source.of(Check.notNull("frame", frame));
        return ChiSquare.of(src.sums(this, src.present)).chiSquare;
    }

    /**
     * The chi-square statistic of pre-aggregated counts.
     *
     * @param counts the count table
     * @return the chi-square statistic of pre-aggregated counts
     * @throws IllegalArgumentException as {@link #test(SurvivalData, String)}
     */
    public double statistic(CountTable counts) {
        Source src = Source.of(Check.notNull("counts", counts));
        return ChiSquare.of(src.sums(this, src.present)).chiSquare;
    }

    private LogRankResult test(Source src) {
        return LogRankResult.of(this, src.sums(this, src.present), src.labels, src.strataLabels, src.omitted,
                src.warnings);
    }

    static final String TOO_FEW = "the log-rank test needs >= 2 groups with subjects";

    static void checkGroups(String groupName) {
        if (groupName == null) {
            throw Check.fail(TOO_FEW + "; the data have no group column");
        }
    }

    /** Group codes with rows, in level order; a warning per empty level; at least 2 or an error. */
    static int[] present(LogRankKernel.Sorted src, Factor g, List<String> warnings) {
        int[] keep = new int[src.groups];
        int k = 0;
        for (int code = 0; code < src.groups; code++) {
            double rows = 0;
            for (int s = 0; s < src.strata; s++) {
                rows += src.rows(s, code);
            }
            if (rows > 0) {
                keep[k++] = code;
            } else {
                warnings.add(Check.format("%s has no rows; it is left out of the test", g.label(code)));
            }
        }
        return enough(java.util.Arrays.copyOf(keep, k), g.name(), g.levels());
    }

    static int[] present(CountTable t, List<String> warnings) {
        int groups = t.groupLevels().size();
        int strata = t.strataLevels().size();
        int[] keep = new int[groups];
        int k = 0;
        for (int code = 0; code < groups; code++) {
            boolean any = false;
            for (int s = 0; s < strata && !any; s++) {
                int b = s * groups + code;
                for (int c = t.blockStart(b); c < t.blockStart(b + 1); c++) {
                    if (t.rows(c) > 0 || t.events(c) > 0 || t.censored(c) > 0) {
                        any = true;
                        break;
                    }
                }
            }
            if (any) {
                keep[k++] = code;
            } else {
                warnings.add(Check.format("%s=%s has no rows; it is left out of the test", t.groupName().orElse(null),
                        t.groupLevels().get(code)));
            }
        }
        return enough(java.util.Arrays.copyOf(keep, k), t.groupName().orElse(null), t.groupLevels());
    }

    private static int[] enough(int[] keep, String name, List<String> levels) {
        if (keep.length < 2) {
            throw Check.fail(TOO_FEW + "; group column '%s' has %d level(s) with rows (levels %s)", name,
                    keep.length, levels);
        }
        return keep;
    }

    @Override
    public String toString() {
        return "LogRankTest[weighting=" + weighting
                + (weighting == Weighting.FLEMING_HARRINGTON ? ", rho=" + rho + ", gamma=" + gamma : "") + "]";
    }
}
