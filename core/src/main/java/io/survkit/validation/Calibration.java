package io.survkit.validation;

import io.survkit.data.Factor;
import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.data.Terms;
import io.survkit.estimate.KaplanMeier;
import io.survkit.estimate.LandmarkSummary;
import io.survkit.internal.Check;
import io.survkit.internal.Probabilities;
import io.survkit.internal.RFormat;
import io.survkit.regression.CoxRegression;
import io.survkit.regression.CoxResult;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Calibration of predicted event risks at a time t: predicted against observed risk in groups of
 * predicted risk, the calibration slope and the ratio of observed to expected events.
 * <ul>
 * <li>Groups: quantiles of the predicted risk (R {@code cut(r, unique(quantile(r, seq(0, 1,
 * length.out = g + 1))), include.lowest = TRUE)}); per group the mean predicted risk and the
 * observed risk 1 - S_KM(t) with the limits of R's {@code survfit} (log interval), as the grouped
 * calibration of {@code rms::calibrate} and riskRegression's quantile calibration plot.</li>
 * <li>Slope: the Cox coefficient of log(-log(1 - r)) (R {@code coxph(Surv ~ log(-log(1 - r)))});
 * for a Cox model's own predictions this is the slope of its linear predictor, {@code rms::validate}'s
 * "Slope": 1 when calibrated, below 1 when predictions are too extreme.</li>
 * <li>Observed / expected: (1 - S_KM(t) of all rows) / mean predicted risk.</li>
 * </ul>
 *
 * <p>Defaults ({@link #withDefaults()}): 10 groups (deciles), confidence level 0.95.
 *
 * <pre>{@code
 * CalibrationResult c = Calibration.withDefaults().withGroups(5).estimate(test, 365, "risk365");
 * c.slope().value();             // 0.516: predictions too extreme
 * c.group(0).observed();         // observed risk in the lowest fifth
 * }</pre>
 */
public final class Calibration {
    private static final Calibration DEFAULTS = new Calibration(10, 0.95);
    private final int groups;
    private final double confLevel;

    private Calibration(int groups, double confLevel) {
        this.groups = groups;
        this.confLevel = confLevel;
    }

    /**
     * Deciles of predicted risk, confidence level 0.95.
     *
     * @return the shared default instance
     */
    public static Calibration withDefaults() {
        return DEFAULTS;
    }

    /**
     * Number of quantile groups (at least 1; fewer when quantiles coincide).
     *
     * @param g the 0-based group index
     * @return a new instance with this setting (this one is unchanged)
     */
    public Calibration withGroups(int g) {
        if (g < 1) {
            throw Check.fail("the number of groups must be >= 1, got %d", g);
        }
        return new Calibration(g, confLevel);
    }

    /**
     * Confidence level of the observed risks and the slope, in (0, 1).
     *
     * @param level the confidence level, in (0, 1)
     * @return a new instance with this setting (this one is unchanged)
     */
    public Calibration withConfidenceLevel(double level) {
        return new Calibration(groups, Check.openUnit("confidence level", level));
    }

    /** {@return number of groups asked for} */
    public int groups() {
        return groups;
    }

    /** {@return confidence level in use} */
    public double confidenceLevel() {
        return confLevel;
    }

    /**
     * Calibration at {@code time} of {@code risk} (one predicted event risk by that time per row of
     * {@code data}, in (0, 1)).
     *
     * @param data the data
     * @param time the time
     * @param risk the risk
     * @return calibration at {@code time} of {@code risk} (one predicted event risk by that time per row of {@code data}, in (0, 1))
     * @throws IllegalArgumentException for a risk outside (0, 1), lengths that differ, weighted or
     *     counting-process data
     */
    public CalibrationResult estimate(SurvivalData data, double time, double[] risk) {
        Check.notNull("data", data);
        Check.notNull("risk", risk);
        if (risk.length != data.rowCount()) {
            throw Check.fail("the risk has %d values but the data have %d rows", risk.length, data.rowCount());
        }
        ModelFrame frame = ModelFrame.of(data, Terms.none());
        int[] rows = frame.dataRows();
        double[] r = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            r[i] = risk[rows[i]];
        }
        return calibrate(data.rows(rows), frame, time, r);
    }

    /**
     * Calibration at {@code time} of the risk column {@code riskColumn} of {@code data}.
     *
     * @param data the data
     * @param time the time
     * @param riskColumn the risk column
     * @return calibration at {@code time} of the risk column {@code riskColumn} of {@code data}
     */
    public CalibrationResult estimate(SurvivalData data, double time, String riskColumn) {
        Check.notNull("data", data);
        ModelFrame frame = ModelFrame.of(data, Terms.of(Terms.numeric(Check.notNull("risk column", riskColumn))));
        return calibrate(data.rows(frame.dataRows()), frame, time, frame.column(0));
    }

    /**
     * Calibration at {@code time} of the predictions of a Cox model {@code fit} for the rows of {@code data}.
     *
     * @param data the data
     * @param time the time
     * @param fit the fitted model
     * @return calibration at {@code time} of the predictions of a Cox model {@code fit} for the rows of {@code data}
     */
    public CalibrationResult estimate(SurvivalData data, double time, CoxResult fit) {
        Check.notNull("data", data);
        ModelFrame frame = ModelFrame.of(data, Check.notNull("fit", fit).formula());
        return calibrate(data.rows(frame.dataRows()), frame, time,
                CoxRisk.of(fit, frame, new double[] {time})[0]);
    }

    /** base = the frame's rows of the data, in frame order; risk per frame row. */
    private CalibrationResult calibrate(SurvivalData base, ModelFrame frame, double time, double[] risk) {
        Check.finite("time", time);
        if (frame.hasStart() || frame.hasWeights()) {
            throw Check.fail("calibration needs right-censored, unweighted data");
        }
        for (int i = 0; i < risk.length; i++) {
            if (!(risk[i] > 0 && risk[i] < 1)) {
                throw Check.fail("risk, row %d: a predicted risk must be in (0, 1), got %s", frame.sourceRow(i),
                        risk[i]);
            }
        }
        double[] br = RiskGroups.breaks(risk, groups);
        int[] code = RiskGroups.codes(risk, br);
        List<String> labels = labels(br);
        SurvivalData grouped = base.withFactor(Factor.of(GROUP, labels, code));
        List<LandmarkSummary> km = KaplanMeier.withDefaults().withConfidenceLevel(confLevel).fit(grouped, GROUP).at(time);
        int g = labels.size();
        int[] rows = new int[g];
        int[] events = new int[g];
        double[] sum = new double[g];
        for (int i = 0; i < risk.length; i++) {
            rows[code[i]]++;
            events[code[i]] += frame.isEvent(i) ? 1 : 0;
            sum[code[i]] += risk[i];
        }
        List<CalibrationGroup> out = new ArrayList<>();
        for (int k = 0; k < g; k++) {
            LandmarkSummary s = km.get(k);
            out.add(new CalibrationGroup(labels.get(k), rows[k], events[k], sum[k] / rows[k], 1 - s.survival(0),
                    limit(1 - s.upper(0)), limit(1 - s.lower(0))));
        }
        double all = 1 - KaplanMeier.withDefaults().fit(base).curve(0).survivalAt(time);
        double mean = 0;
        for (double r : risk) {
            mean += r;
        }
        mean /= risk.length;
        return new CalibrationResult(time, risk.length, frame.omittedRows(), out, slope(base, risk), all / mean);
    }

    private static final String GROUP = "riskgroup";
    private static final String CLOGLOG = "cloglogrisk";

    /** coxph(Surv ~ log(-log(1 - r))): coefficient, se, Wald limits. */
    private Estimate slope(SurvivalData base, double[] risk) {
        double[] cll = new double[risk.length];
        for (int i = 0; i < risk.length; i++) {
            cll[i] = Math.log(-Math.log1p(-risk[i]));
        }
        CoxResult fit = CoxRegression.withDefaults().withConfidenceLevel(confLevel).fit(base.withNumeric(CLOGLOG, cll), CLOGLOG);
        double b = fit.coefficients()[0];
        double se = fit.standardErrors()[0];
        double z = Probabilities.normalQuantile(1 - (1 - confLevel) / 2);
        return new Estimate(b, se, b - z * se, b + z * se);
    }

    private static OptionalDouble limit(double v) {
        return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    }

    /** R's cut labels: 3 significant digits, "[a,b]" for the first group, "(a,b]" after. */
    private static List<String> labels(double[] br) {
        List<String> l = new ArrayList<>();
        for (int k = 0; k + 1 < br.length; k++) {
            l.add((k == 0 ? "[" : "(") + RFormat.signif(br[k], 3) + "," + RFormat.signif(br[k + 1], 3) + "]");
        }
        if (l.isEmpty()) {
            l.add("[" + RFormat.signif(br[0], 3) + "," + RFormat.signif(br[0], 3) + "]");
        }
        return l;
    }
}
