package io.survkit.cli;

import io.survkit.data.SurvivalData;
import io.survkit.plot.CalibrationPlot;
import io.survkit.table.Document;
import io.survkit.plot.NomogramPlot;
import io.survkit.regression.CoxRegression;
import io.survkit.regression.CoxResult;
import io.survkit.validation.BootstrapValidation;
import io.survkit.validation.CalibrationResult;
import io.survkit.validation.Calibration;
import io.survkit.validation.Estimate;
import io.survkit.validation.Nomogram;
import io.survkit.validation.NomogramScales;
import io.survkit.validation.Score;
import io.survkit.validation.ScoreResult;
import io.survkit.validation.TimeScore;
import io.survkit.validation.ValidationIndex;
import io.survkit.validation.ValidationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The GIST report's prognostic-model section (issue 17): a Cox model of cancer-specific survival on
 * age, sex, tumour size and treatment arm; its C-index apparent and corrected for optimism by the
 * bootstrap (rms::validate), time-dependent AUC and Brier score at 12, 36 and 60 months
 * (riskRegression::Score, apparent: on the rows the model was fitted to), calibration at 36 months
 * and the nomogram.
 */
final class GistPrognosis {
    static final String FORMULA = "age + sex + size + arm";
    private static final double[] TIMES = {12, 36, 60};
    private static final int REPLICATES = 100;

    private final CoxResult fit;
    private final ValidationResult validation;
    private final ScoreResult score;
    private final CalibrationResult calibration;
    private final NomogramScales nomogram;

    private GistPrognosis(CoxResult fit, ValidationResult validation, ScoreResult score, CalibrationResult calibration,
            NomogramScales nomogram) {
        this.fit = fit;
        this.validation = validation;
        this.score = score;
        this.calibration = calibration;
        this.nomogram = nomogram;
    }

    /** Fits and validates the model on the cancer-specific survival data ({@code seed} for the bootstrap). */
    static GistPrognosis of(SurvivalData css, long seed) {
        CoxResult fit = CoxRegression.withDefaults().fit(css, FORMULA);
        ValidationResult v = BootstrapValidation.withDefaults().withReplicates(REPLICATES).withSeed(seed)
                .validate(css, FORMULA);
        ScoreResult s = Score.withDefaults().estimate(css, TIMES, fit);
        CalibrationResult c = Calibration.withDefaults().withGroups(5).estimate(css, 36, fit);
        NomogramScales n = Nomogram.withDefaults().withTimes(TIMES).build(fit, css);
        return new GistPrognosis(fit, v, s, c, n);
    }

    /** Rows: index, apparent, optimism, corrected. */
    List<List<String>> validationRows() {
        List<List<String>> rows = new ArrayList<>();
        for (ValidationIndex v : validation.indices()) {
            rows.add(List.of(v.name(), f3(v.apparent()), f3(v.optimism()), f3(v.corrected())));
        }
        return rows;
    }

    /** Rows: month, AUC (95% CI), Brier (95% CI), null model's Brier. */
    List<List<String>> scoreRows() {
        List<List<String>> rows = new ArrayList<>();
        for (TimeScore t : score.scores()) {
            rows.add(List.of(String.format(Locale.ROOT, "%.0f", t.time()), withCi(t.auc()), withCi(t.brier()),
                    f3(t.brierNull().value())));
        }
        return rows;
    }

    private static String withCi(Estimate e) {
        return String.format(Locale.ROOT, "%.3f (%.3f-%.3f)", e.value(), e.lower(), e.upper());
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private String description() {
        return String.format(Locale.ROOT, "Cox model of cancer-specific survival on %s (%d patients, %d events); "
                + "C-index %.3f, corrected for optimism by %d bootstrap resamples (Harrell; rms::validate) %.3f. "
                + "AUC and Brier score at 12, 36 and 60 months are apparent (riskRegression::Score on the same "
                + "patients, Kaplan-Meier censoring weights).", FORMULA, fit.size(), fit.events(), fit.concordance(),
                validation.replicatesRequested() - validation.replicatesFailed(),
                validation.index("C").corrected());
    }

    /** Appends the prognostic-model section to {@code d}. */
    Document document(Document d) {
        List<List<String>> cal = new ArrayList<>();
        calibration.groups().forEach(g -> cal.add(List.of(g.label(), Integer.toString(g.rows()), f3(g.meanRisk()),
                f3(g.observed()))));
        return d.heading("Prognostic model").paragraph(description())
                .table(null, GistStudy.textTable(List.of("index", "apparent", "optimism", "corrected"),
                        validationRows()))
                .table(null, GistStudy.textTable(List.of("month", "AUC (95% CI)", "Brier (95% CI)",
                        "Brier, null model"), scoreRows()))
                .table("Calibration at 36 months (fifths of predicted risk)", GistStudy.textTable(List.of(
                        "predicted risk", "n", "mean predicted", "observed (KM)"), cal))
                .paragraph(String.format(Locale.ROOT, "Calibration slope %.3f (%.3f-%.3f), observed/expected %.3f.",
                        calibration.slope().value(), calibration.slope().lower(), calibration.slope().upper(),
                        calibration.observedExpected()))
                .figure("calibration", CalibrationPlot.withDefaults().withTitle("Calibration at 36 months").render(calibration),
                        "Observed (Kaplan-Meier) against predicted risk of cancer death by 36 months, fifths of"
                                + " predicted risk")
                .figure("nomogram", NomogramPlot.withDefaults().withTitle("Nomogram: cancer-specific survival").render(nomogram),
                        "Points per factor, total points and predicted survival at 12, 36 and 60 months");
    }
}
