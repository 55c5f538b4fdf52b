package io.survkit.validation;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.data.Terms;
import io.survkit.internal.Check;
import io.survkit.internal.ConcordanceKernel;

/**
 * The concordance of a predictor with a survival outcome, equal to R
 * {@code survival::concordance(Surv(time, status) ~ x [+ strata(s)], weights =, timewt =, reverse =)}:
 * Harrell's C, Uno's C and the other time weightings, with its infinitesimal-jackknife standard
 * error and the pair counts.
 *
 * <p>Pairs (within strata): a row i with an event at time t and a row j still at risk after t (a
 * later exit, or censored at t) form a pair of weight {@code w_i w_j tau(t)} ({@link TimeWeight}).
 * It is concordant when the row that lived longer has the larger predictor ({@link
 * Direction#LONGER_SURVIVAL}) or the smaller ({@link Direction#HIGHER_RISK}). C = (concordant +
 * tiedRisk/2) / (concordant + discordant + tiedRisk). Standard error: R's infinitesimal jackknife
 * with tau held fixed, summed within clusters when the data have a cluster column. Times are
 * compared exactly after the data's {@code timefix}. O(n log n) (Fenwick trees over the predictor's
 * ranks).
 *
 * <p>Defaults ({@link #withDefaults()}): {@link TimeWeight#HARRELL}, {@link Direction#LONGER_SURVIVAL}
 * (R's defaults); the data's strata, case weights and cluster are used.
 *
 * <pre>{@code
 * SurvivalData lung = SurvivalData.csv(Path.of("lung.csv")).time("time").event("status", "2").read();
 * ConcordanceResult c = Concordance.withDefaults()
 *         .withDirection(Direction.HIGHER_RISK)     // older = higher risk
 *         .estimate(lung, "age");
 * c.concordance();          // 0.5502 (R: concordance(Surv(time, status == 2) ~ age, reverse = TRUE))
 * c.standardError();
 * }</pre>
 */
public final class Concordance {
    private static final Concordance DEFAULTS = new Concordance(TimeWeight.HARRELL, Direction.LONGER_SURVIVAL);

    private final TimeWeight timeWeight;
    private final Direction direction;

    private Concordance(TimeWeight timeWeight, Direction direction) {
        this.timeWeight = timeWeight;
        this.direction = direction;
    }

    /**
     * Harrell's C ({@link TimeWeight#HARRELL}), larger predictor = longer survival.
     *
     * @return the shared default instance
     */
    public static Concordance withDefaults() {
        return DEFAULTS;
    }

    /**
     * The time weighting (R {@code timewt}).
     *
     * @param w the time weight
     * @return a new instance with this setting (this one is unchanged)
     */
    public Concordance withTimeWeight(TimeWeight w) {
        return new Concordance(Check.notNull("time weight", w), direction);
    }

    /**
     * What a larger predictor means (R {@code reverse}).
     *
     * @param d the direction
     * @return a new instance with this setting (this one is unchanged)
     */
    public Concordance withDirection(Direction d) {
        return new Concordance(timeWeight, Check.notNull("direction", d));
    }

    /** {@return the time weighting in use} */
    public TimeWeight timeWeight() {
        return timeWeight;
    }

    /** {@return the direction in use} */
    public Direction direction() {
        return direction;
    }

    /**
     * The concordance of the model term of {@code formula} (one numeric column, e.g. {@code "age"},
     * with optional {@code strata()} terms: {@code "karno + strata(celltype)"}) with the survival
     * in {@code data}; rows missing a used column are left out and counted.
     *
     * @param data the data
     * @param formula the model formula (R syntax)
     * @return the concordance of the model term of {@code formula} (one numeric column, e.g
     * @throws IllegalArgumentException for a formula that is not one numeric predictor (plus strata),
     *     a time weight that needs the censoring distribution with counting-process data, or no
     *     comparable pair
     */
    public ConcordanceResult estimate(SurvivalData data, String formula) {
        return estimate(ModelFrame.of(Check.notNull("data", data), Check.notNull("formula", formula)));
    }

    /**
     * The concordance of a model frame's one design column (the predictor) within its strata.
     *
     * @param frame the model frame
     * @return the concordance of a model frame's one design column (the predictor) within its strata
     * @throws IllegalArgumentException for a frame with other than one design column, and as
     *     {@link #estimate(SurvivalData, String)}
     */
    public ConcordanceResult estimate(ModelFrame frame) {
        Check.notNull("model frame", frame);
        if (frame.columnCount() != 1) {
            throw Check.fail("the concordance needs one numeric predictor (plus strata() terms), got %d model"
                    + " columns %s", frame.columnCount(), frame.columnNames());
        }
        return estimate(frame, frame.column(0));
    }

    /**
     * The concordance of {@code predictor} (one value per row of {@code data}; NaN = missing, the
     * row is left out and counted) with the survival in {@code data}, without strata.
     *
     * @param data the data
     * @param predictor the predictor
     * @return the concordance of {@code predictor} (one value per row of {@code data}; NaN = missing, the row is left out and counted) with the survival in {@code data}, without strata
     * @throws IllegalArgumentException when the lengths differ, the time weight needs the censoring
     *     distribution with counting-process data, or there is no comparable pair
     */
    public ConcordanceResult estimate(SurvivalData data, double[] predictor) {
        Check.notNull("data", data);
        Check.notNull("predictor", predictor);
        if (predictor.length != data.rowCount()) {
            throw Check.fail("the predictor has %d values but the data have %d rows", predictor.length,
                    data.rowCount());
        }
        ModelFrame frame = ModelFrame.of(data, Terms.none());
        int[] rows = frame.dataRows();
        double[] x = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            x[i] = predictor[rows[i]];
        }
        return estimate(frame, x);
    }

    /** The concordance of x (one value per frame row) within the frame's strata. */
    ConcordanceResult estimate(ModelFrame frame, double[] x) {
        if (frame.hasStart() && !timeWeight.allowsCountingProcess()) {
            throw Check.fail("time weight %s is not available for (start, stop] data (R: not defined, or a"
                    + " crash for S); use n", timeWeight.rName());
        }
        Sample s = Sample.of(frame, x, true);
        ConcordanceKernel k = ConcordanceKernel.count(s.time, s.start, s.startOrder, s.event, s.weight,
                s.strataStart, s.sorted(x), TimeWeights.of(timeWeight, s));
        double[] total = k.totals();
        double npair = total[0] + total[1] + total[2];
        if (!(npair > 0)) {
            throw Check.fail("no comparable pairs: the concordance needs an event followed by a longer follow-up"
                    + " in the same stratum (%d rows, %d events)", s.size(), events(s));
        }
        double somer = (total[0] - total[1]) / npair;
        double c = (somer + 1) / 2;
        if (direction == Direction.HIGHER_RISK) {
            c = 1 - c;
        }
        PairCounts[] byStratum = new PairCounts[s.strataCount()];
        for (int i = 0; i < byStratum.length; i++) {
            byStratum[i] = PairCounts.of(k.counts(i), direction);
        }
        double se = Math.sqrt(k.variance(s.cluster, s.clusterCount));
        return new ConcordanceResult(this, s.size(), frame.omittedRows() + s.dropped, c, se,
                PairCounts.of(total, direction), s.strataLabels, byStratum);
    }

    /**
     * The concordance only (same rules as {@link #estimate(SurvivalData, String)}).
     *
     * @param data the data
     * @param formula the model formula (R syntax)
     * @return the concordance only (same rules as {@link #estimate(SurvivalData, String)})
     */
    public double statistic(SurvivalData data, String formula) {
        return estimate(data, formula).concordance();
    }

    private static int events(Sample s) {
        int e = 0;
        for (boolean b : s.event) {
            e += b ? 1 : 0;
        }
        return e;
    }
}
