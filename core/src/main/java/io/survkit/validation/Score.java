package io.survkit.validation;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.data.Term;
import io.survkit.data.Terms;
import io.survkit.internal.Check;
import io.survkit.internal.Probabilities;
import io.survkit.regression.CoxResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Time-dependent (cumulative/dynamic) AUC and Brier score of predicted risks at chosen times, with
 * inverse-probability-of-censoring weights from the Kaplan-Meier of the censoring, their
 * influence-function standard errors and confidence limits, and the null model's Brier score: equal
 * to R {@code riskRegression::Score(list(model = risk), Hist(time, status) ~ 1, times =,
 * metrics = c("auc", "brier"), cens.model = "km", se.fit = TRUE, conf.int =)}. The rules are in
 * {@link TimeDependentAuc}, {@link BrierScore} and {@link CensoringDistribution}.
 *
 * <p>Defaults ({@link #withDefaults()}): confidence level 0.95. Case weights, strata and
 * counting-process data are not supported (riskRegression's Kaplan-Meier censoring model has none).
 *
 * <pre>{@code
 * SurvivalData test = SurvivalData.csv(Path.of("score_lung.csv")).time("time").event("status", "2").read();
 * ScoreResult s = Score.withDefaults().estimate(test, new double[] {180, 365}, "risk180", "risk365");
 * s.at(0).auc().value();     // AUC(180) = 0.6412
 * s.integratedBrier(1);      // riskRegression's IBS over [0, 365] on the grid {180, 365}
 * }</pre>
 */
public final class Score {
    private static final Score DEFAULTS = new Score(0.95);
    private final double confLevel;

    private Score(double confLevel) {
        this.confLevel = confLevel;
    }

    /**
     * Confidence level 0.95.
     *
     * @return the shared default instance
     */
    public static Score withDefaults() {
        return DEFAULTS;
    }

    /**
     * Confidence level of the limits (R {@code conf.int}), in (0, 1).
     *
     * @param level the confidence level, in (0, 1)
     * @return a new instance with this setting (this one is unchanged)
     */
    public Score withConfidenceLevel(double level) {
        return new Score(Check.openUnit("confidence level", level));
    }

    /** {@return the confidence level in use} */
    public double confidenceLevel() {
        return confLevel;
    }

    /**
     * Scores the predicted event risks {@code risk[k]} (one value per row of {@code data}, the
     * predicted probability of the event by {@code times[k]}, i.e. 1 - S(t | x)) at each time.
     *
     * @param data the data
     * @param times the times
     * @param risk the risk
     * @return scores the predicted event risks {@code risk[k]} (one value per row of {@code data}, the predicted probability of the event by {@code times[k]}, i.e
     * @throws IllegalArgumentException for a risk outside [0, 1] or missing, lengths that differ,
     *     weighted or counting-process data, or a time without cases or controls
     */
    public ScoreResult estimate(SurvivalData data, double[] times, double[]... risk) {
        Check.notNull("data", data);
        checkTimes(times, risk == null ? 0 : risk.length);
        ModelFrame frame = ModelFrame.of(data, Terms.none());
        int[] rows = frame.dataRows();
        double[][] r = new double[risk.length][rows.length];
        for (int k = 0; k < risk.length; k++) {
            Check.notNull("risk column", risk[k]);
            if (risk[k].length != data.rowCount()) {
                throw Check.fail("risk column %d has %d values but the data have %d rows", k + 1, risk[k].length,
                        data.rowCount());
            }
            for (int i = 0; i < rows.length; i++) {
                r[k][i] = risk[k][rows[i]];
            }
        }
        return score(frame, times, r);
    }

    /**
     * Scores the risk columns {@code riskColumns[k]} of {@code data} at {@code times[k]}; rows
     * missing a used column are left out and counted.
     *
     * @param data the data
     * @param times the times
     * @param riskColumns the risk columns
     * @return scores the risk columns {@code riskColumns[k]} of {@code data} at {@code times[k]}; rows missing a used column are left out and counted
     */
    public ScoreResult estimate(SurvivalData data, double[] times, String... riskColumns) {
        Check.notNull("data", data);
        checkTimes(times, riskColumns == null ? 0 : riskColumns.length);
        List<Term> terms = new ArrayList<>();
        for (String c : riskColumns) {
            terms.add(Terms.numeric(Check.notNull("risk column", c)));
        }
        return estimate(ModelFrame.of(data, Terms.of(terms.toArray(new Term[0]))), times);
    }

    /**
     * Scores a model frame's design columns as risk columns, column k at {@code times[k]}.
     *
     * @param frame the model frame
     * @param times the times
     * @return scores a model frame's design columns as risk columns, column k at {@code times[k]}
     * @throws IllegalArgumentException when the numbers of columns and times differ, and as
     *     {@link #estimate(SurvivalData, double[], double[]...)}
     */
    public ScoreResult estimate(ModelFrame frame, double[] times) {
        Check.notNull("model frame", frame);
        checkTimes(times, frame.columnCount());
        double[][] r = new double[frame.columnCount()][];
        for (int k = 0; k < r.length; k++) {
            r[k] = frame.column(k);
        }
        return score(frame, times, r);
    }

    /**
     * Scores the predictions of a Cox model {@code fit} (fitted on other rows) for the rows of
     * {@code data} at each time: risk 1 - S(t | x) from the model's baseline hazard, as R
     * {@code 1 - summary(survfit(fit, newdata = data), times = t)$surv}. Unstratified models.
     *
     * @param data the data
     * @param times the times
     * @param fit the fitted model
     * @return scores the predictions of a Cox model {@code fit} (fitted on other rows) for the rows of {@code data} at each time: risk 1 - S(t | x) from the model's baseline hazard, as R {@code 1 - summary(survfit(fit, newdata = data), times = t)$surv}
     */
    public ScoreResult estimate(SurvivalData data, double[] times, CoxResult fit) {
        Check.notNull("data", data);
        checkTimes(times, times == null ? 0 : times.length);
        ModelFrame frame = ModelFrame.of(data, Check.notNull("fit", fit).formula());
        return score(frame, times, CoxRisk.of(fit, frame, times));
    }

    /** risk[k][i] for time k and frame row i. */
    private ScoreResult score(ModelFrame frame, double[] times, double[][] risk) {
        if (frame.hasStart() || frame.hasWeights()) {
            throw Check.fail("Score supports right-censored, unweighted data (riskRegression's Kaplan-Meier"
                    + " censoring model); the data have %s", frame.hasStart() ? "entry times" : "case weights");
        }
        for (int k = 0; k < risk.length; k++) {
            checkRisk(frame, risk[k], k);
        }
        Sample s = Sample.of(frame);
        CensoringDistribution g = new CensoringDistribution(s.time, s.event);
        int[] pos = new int[s.size()];
        for (int k = 0; k < pos.length; k++) {
            pos[k] = g.index(s.time[k]);
        }
        double z = Probabilities.normalQuantile(1 - (1 - confLevel) / 2);
        TimeScore[] out = new TimeScore[times.length];
        for (int k = 0; k < times.length; k++) {
            double[] r = s.sorted(risk[k]);
            BrierScore model = BrierScore.at(s, g, pos, r, times[k]);
            BrierScore none = BrierScore.nullModel(s, g, pos, times[k]);
            out[k] = new TimeScore(times[k], TimeDependentAuc.at(s, g, pos, r, times[k], z), model.estimate(z),
                    none.estimate(z), model.minus(none, z));
        }
        return new ScoreResult(s.size(), frame.omittedRows(), confLevel, out);
    }

    private static void checkTimes(double[] times, int columns) {
        Check.notNull("times", times);
        if (times.length == 0 || times.length != columns) {
            throw Check.fail("give one risk column per time: %d times and %d risk columns", times.length, columns);
        }
        for (int k = 0; k < times.length; k++) {
            Check.finite("time " + (k + 1), times[k]);
        }
    }

    private static void checkRisk(ModelFrame frame, double[] r, int k) {
        for (int i = 0; i < r.length; i++) {
            if (!(r[i] >= 0 && r[i] <= 1)) {
                throw Check.fail("risk column %d, row %d: a predicted risk must be in [0, 1], got %s", k + 1,
                        frame.sourceRow(i), r[i]);
            }
        }
    }
}
