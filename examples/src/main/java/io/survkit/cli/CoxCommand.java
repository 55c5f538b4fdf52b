package io.survkit.cli;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.regression.CoxPredictedValues;
import io.survkit.regression.CoxPredictionReference;
import io.survkit.regression.CoxPredictionType;
import io.survkit.plot.CoxForestPlot;
import io.survkit.plot.ScaledSchoenfeldPlot;
import io.survkit.regression.CoxRegression;
import io.survkit.regression.CoxResult;
import io.survkit.regression.PenalizedCoxRegression;
import io.survkit.regression.ProportionalHazardsResult;
import io.survkit.regression.ProportionalHazardsTest;
import io.survkit.regression.TieMethod;
import io.survkit.regression.TimeTransform;
import io.survkit.regression.TimeTransformFunction;
import io.survkit.regression.CoxVariance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code survkit cox}: Cox proportional hazards regression as R's {@code coxph}, optionally with
 * {@code cox.zph(transform = "km")}; text like {@code print(summary(fit))}, or with {@code --json}
 * the oracle's cox layout (zph under {@code result.zph}).
 */
@Command(name = "cox",
        description = "Cox proportional hazards regression and its PH test (R coxph, cox.zph).")
final class CoxCommand extends AnalysisCommand {
    /** The words of {@code --ties}. */
    static final class Ties extends Choices<TieMethod> {
        Ties() {
            add("efron", TieMethod.EFRON).add("breslow", TieMethod.BRESLOW).add("exact", TieMethod.EXACT);
        }
    }

    @Option(names = "--ties", paramLabel = "METHOD", defaultValue = "efron", converter = Ties.class,
            completionCandidates = Ties.class, description = "Handling of tied times: ${COMPLETION-CANDIDATES}.")
    TieMethod ties;

    @Option(names = "--conf-level", paramLabel = "LEVEL", defaultValue = "0.95",
            converter = Converters.FiniteNumber.class, description = "Confidence level of the hazard ratios.")
    double confLevel;

    @Option(names = "--robust", paramLabel = "true|false", arity = "0..1", fallbackValue = "true",
            converter = Converters.TrueFalse.class, completionCandidates = Converters.TrueFalse.class,
            description = "Robust (sandwich) variance; --robust alone means true. Default: R's choice "
                    + "(robust with a cluster or non-integer weights).")
    Boolean robust;

    @Option(names = "--eps", paramLabel = "EPS", defaultValue = "1e-9", converter = Converters.FiniteNumber.class,
            description = "Convergence: relative change of the log partial likelihood (R coxph.control(eps=)).")
    double eps;

    @Option(names = "--iter-max", paramLabel = "N", defaultValue = "20", converter = Converters.WholeNumber.class,
            description = "Newton-Raphson iteration limit (R coxph.control(iter.max=)).")
    long iterMax;

    @Option(names = "--init", paramLabel = "B[,B...]", converter = Converters.NumberList.class,
            description = "Initial coefficients, one per model column (R coxph(init=)); loglik null, score and Wald "
                    + "tests are then at/against them.")
    Converters.Numbers init;

    @Option(names = "--tt", paramLabel = "F[,F...]", split = ",",
            description = "Functions of the formula's tt(x) terms (R coxph(tt =)): x*t, x*log(t), x*log(t+20) or "
                    + "obrien (R's default, O'Brien's logit rank); one for all tt() terms or one per term.")
    java.util.List<String> tt;

    @Option(names = "--zph", description = "Also test proportional hazards (R cox.zph; see --zph-transform).")
    boolean zph;

    /** The words of {@code --zph-transform}. */
    static final class Transforms extends Choices<TimeTransform> {
        Transforms() {
            add("km", TimeTransform.KM).add("identity", TimeTransform.IDENTITY).add("log", TimeTransform.LOG)
                    .add("rank", TimeTransform.RANK);
        }
    }

    @Option(names = "--zph-transform", paramLabel = "G", converter = Transforms.class,
            completionCandidates = Transforms.class,
            description = "Time scale of the PH test: ${COMPLETION-CANDIDATES} (R cox.zph(transform=)); default km; "
                    + "implies --zph.")
    TimeTransform zphTransform;

    /** R's coxph with pspline() or frailty() terms (coxpenal.fit). */
    private Rendered penalized(ModelFrame d) {
        if (robust != null || init != null || zph || zphTransform != null || tt != null || predict != null
                || type != null) {
            throw new UsageException("--robust, --init, --zph, --tt, --predict and --type are not available for a model"
                    + " with pspline() or frailty() terms");
        }
        if (ties == TieMethod.EXACT) {
            throw new UsageException("--ties exact is not available for a model with pspline() or frailty() terms");
        }
        if (iterMax < 1) {
            throw new UsageException("--iter-max must be at least 1 for a model with pspline() or frailty() terms");
        }
        return Rendered.of(PenalizedCoxRegression.withDefaults().withTies(ties).withTolerance(eps)
                .withMaxIterations((int) iterMax).fit(d));
    }

    /** The {@code --tt} words, spaces ignored. */
    static TimeTransformFunction[] timeTransforms(java.util.List<String> words) {
        TimeTransformFunction[] f = new TimeTransformFunction[words.size()];
        for (int i = 0; i < f.length; i++) {
            String w = words.get(i).replace(" ", "");
            f[i] = switch (w) {
                case "x*t" -> TimeTransformFunction.X_TIMES_T;
                case "x*log(t)" -> TimeTransformFunction.X_TIMES_LOG_T;
                case "x*log(t+20)" -> TimeTransformFunction.X_TIMES_LOG_T_PLUS_20;
                case "obrien" -> TimeTransformFunction.OBRIEN_LOGIT_RANK;
                default -> throw new UsageException("--tt: '" + words.get(i)
                        + "' is not one of x*t, x*log(t), x*log(t+20), obrien");
            };
        }
        return f;
    }

    /** The words of {@code --type}. */
    static final class PredictionTypes extends Choices<CoxPredictionType> {
        PredictionTypes() {
            add("lp", CoxPredictionType.LINEAR_PREDICTOR).add("risk", CoxPredictionType.RISK)
                    .add("expected", CoxPredictionType.EXPECTED).add("terms", CoxPredictionType.TERMS)
                    .add("survival", CoxPredictionType.SURVIVAL);
        }
    }

    /** The words of {@code --reference}. */
    static final class References extends Choices<CoxPredictionReference> {
        References() {
            add("strata", CoxPredictionReference.STRATA).add("sample", CoxPredictionReference.SAMPLE)
                    .add("zero", CoxPredictionReference.ZERO);
        }
    }

    @Option(names = "--predict", paramLabel = "FILE",
            description = "Predict for the rows of this CSV (R predict(fit, newdata)) instead of printing the fit; it "
                    + "needs the model's columns and the --time and --event columns (their values are used by "
                    + "--type expected and survival only, and may be empty otherwise).")
    String predict;

    @Option(names = "--type", paramLabel = "TYPE", converter = PredictionTypes.class,
            completionCandidates = PredictionTypes.class,
            description = "What to predict: ${COMPLETION-CANDIDATES} (R predict.coxph(type=)); default lp. Without "
                    + "--predict, for the fitted rows.")
    CoxPredictionType type;

    @Option(names = "--se-fit", description = "Also the standard errors of the predictions (R se.fit = TRUE).")
    boolean seFit;

    @Option(names = "--reference", paramLabel = "REF", converter = References.class,
            completionCandidates = References.class,
            description = "Centring of lp, risk and terms: ${COMPLETION-CANDIDATES} (R predict.coxph(reference=)); "
                    + "default strata (sample for terms).")
    CoxPredictionReference reference;

    @Option(names = "--forest", paramLabel = "FILE",
            description = "Also draw the forest plot of the hazard ratios (survminer ggforest) to FILE: .svg, .png "
                    + "(at --dpi) or .pdf.")
    String forest;

    @Option(names = "--zph-plot", paramLabel = "FILE",
            description = "Also draw the scaled Schoenfeld residuals of each term with R plot.cox.zph's smooth and "
                    + "+-2 se band to FILE: .svg, .png (at --dpi) or .pdf; time scale from --zph-transform.")
    String zphPlot;

    @Option(names = "--dpi", paramLabel = "N", defaultValue = "300", converter = Converters.FiniteNumber.class,
            description = "Resolution of a .png --forest or --zph-plot, 24 to 2400 dots per inch.")
    double dpi;

    @Override
    void check(OutputOptions.Format format) {
        boolean predicting = predict != null || type != null;
        if (predicting && (zph || zphTransform != null)) {
            throw new UsageException("--predict/--type write predictions and --zph tests the fit; give one of them");
        }
        if (!predicting && (seFit || reference != null)) {
            throw new UsageException((seFit ? "--se-fit" : "--reference") + " needs --predict FILE or --type TYPE");
        }
        if (forest != null) {
            Plots.format(forest, "--forest");
        }
        if (zphPlot != null) {
            Plots.format(zphPlot, "--zph-plot");
        }
        FigureFiles.checkDpi(dpi);
        if (data.formula == null) {
            DataOptions.require(data.covariates, "--covariates (or --formula)");
        }
        if (format == OutputOptions.Format.CSV && (zph || zphTransform != null)) {
            throw new UsageException("--format csv writes one table and --zph adds a second; "
                    + "use --format json or text, or leave out --zph");
        }
    }

    @Override
    boolean usesGroup() {
        return false;
    }

    @Override
    boolean usesCovariates() {
        return true;
    }

    @Override
    Rendered analyse(ModelFrame d) {
        if (!(eps > 0 && eps < 1) || iterMax < 0 || iterMax > 10_000) {
            throw new UsageException("--eps must be in (0, 1) and --iter-max from 0 to 10000, got " + eps + " and "
                    + iterMax);
        }
        if (PenalizedCoxRegression.isPenalized(d.terms())) {
            return penalized(d);
        }
        CoxRegression cox = CoxRegression.withDefaults().withTies(ties).withConfidenceLevel(confLevel).withTolerance(eps)
                .withMaxIterations((int) iterMax);
        if (init != null) {
            cox = cox.withInitialCoefficients(init.values());
        }
        if (robust != null) {
            cox = cox.withVariance(robust ? CoxVariance.ROBUST : CoxVariance.MODEL);
        }
        if (tt != null) {
            cox = cox.withTimeTransform(timeTransforms(tt));
        }
        CoxResult fit = cox.fit(d);
        if (forest != null) {
            Plots.writeByExtension(CoxForestPlot.withDefaults().render(fit, d), forest, dpi, "--forest");
        }
        ProportionalHazardsResult ph = zph || zphTransform != null || zphPlot != null
                ? ProportionalHazardsTest.withDefaults()
                        .withTransform(zphTransform == null ? TimeTransform.KM : zphTransform).test(fit)
                : null;
        if (zphPlot != null) {
            Plots.writeByExtension(ScaledSchoenfeldPlot.withDefaults().withTimeLabel(d.timeColumn()).render(ph),
                    zphPlot, dpi, "--zph-plot");
        }
        if (predict != null || type != null) {
            return Rendered.of(predictions(fit));
        }
        if (!zph && zphTransform == null) {
            return Rendered.of(fit);
        }
        return new Rendered(out -> out.print(fit + "\n" + ph),
                out -> JsonOutput.append(out, JsonOutput.withMember(fit.toJson(), "zph", ph.toJson())), null);
    }

    /** R {@code predict(fit, newdata, type, se.fit, reference)}: the --predict file's rows, or the fitted rows. */
    private CoxPredictedValues predictions(CoxResult fit) {
        CoxPredictionType t = type == null ? CoxPredictionType.LINEAR_PREDICTOR : type;
        CoxPredictedValues v;
        if (predict == null) {
            v = reference == null ? fit.prediction().predict(t) : fit.prediction().predict(t, reference);
        } else {
            SurvivalData rows = data.readOther(java.nio.file.Path.of(predict), "--predict");
            v = reference == null ? fit.prediction().predict(rows, t) : fit.prediction().predict(rows, t, reference);
        }
        return seFit ? v : v.withoutStandardErrors();
    }
}
