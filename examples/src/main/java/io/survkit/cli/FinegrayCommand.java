package io.survkit.cli;

import io.survkit.data.ModelFrame;
import io.survkit.internal.JsonWriter;
import io.survkit.regression.FineGray;
import io.survkit.regression.FineGrayResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code survkit finegray}: Fine-Gray subdistribution hazards regression, as cmprsk's
 * {@code crr(ftime, fstatus, cov1, cengroup, failcode, cencode)}, with {@code --predict} as
 * {@code predict.crr}.
 */
@Command(name = "finegray",
        description = "Fine-Gray competing-risks regression (cmprsk crr: cengroup, predict.crr).")
final class FinegrayCommand extends AnalysisCommand {
    @Option(names = "--cause", paramLabel = "VALUE",
            description = "The cause of interest (crr failcode); default: the first cause.")
    String cause;

    @Option(names = "--cengroup", paramLabel = "COLUMN",
            description = "Censoring groups: one censoring distribution per value of COLUMN (crr cengroup).")
    String cengroup;

    /** The words of {@code --tf}. */
    static final class TimeFunctions extends Choices<io.survkit.regression.FineGrayTimeFunction> {
        TimeFunctions() {
            add("log", io.survkit.regression.FineGrayTimeFunction.LOG)
                    .add("identity", io.survkit.regression.FineGrayTimeFunction.IDENTITY);
        }
    }

    @Option(names = "--cov2", paramLabel = "COL[,COL...]",
            description = "Time-varying covariates (crr cov2): each numeric column times --tf of time; coefficients "
                    + "named COL*log(t) or COL*t.")
    String cov2;

    @Option(names = "--tf", paramLabel = "FUNCTION", defaultValue = "log", converter = TimeFunctions.class,
            completionCandidates = TimeFunctions.class,
            description = "The function of time multiplying the --cov2 columns (crr tf): ${COMPLETION-CANDIDATES}.")
    io.survkit.regression.FineGrayTimeFunction tf;

    @Option(names = "--predict", paramLabel = "FILE",
            description = "CSV of covariate rows (header: the model's coefficient names) whose cumulative incidence "
                    + "at every failure time is added (predict.crr).")
    Path predict;

    @Option(names = "--gtol", paramLabel = "TOL", defaultValue = "1e-6", converter = Converters.FiniteNumber.class,
            description = "Convergence tolerance (crr gtol).")
    double gtol;

    @Option(names = "--iter-max", paramLabel = "N", defaultValue = "10",
            description = "Most Newton iterations (crr maxiter).")
    int maxIterations;

    @Override
    boolean usesGroup() {
        return false;
    }

    @Override
    boolean usesCovariates() {
        return true;
    }

    @Override
    void check(OutputOptions.Format format) {
        if (data.eventValue != null) {
            throw new UsageException("--event-value does not apply to finegray: the event column holds the causes; "
                    + "name the censoring value with --censor-value (default 0, crr's cencode)");
        }
        if (data.censorValue == null) {
            data.censorValue = "0";
        }
        if (data.covariates == null && data.formula == null) {
            throw new UsageException("finegray needs covariates: --covariates or --formula (crr's cov1)");
        }
        if (!(gtol > 0)) {
            throw new UsageException("--gtol " + gtol + " must be > 0");
        }
        if (maxIterations < 0) {
            throw new UsageException("--iter-max " + maxIterations + " must be >= 0");
        }
        if (predict != null && (!Files.isReadable(predict) || Files.isDirectory(predict))) {
            throw new UsageException("--predict " + predict + ": no such readable file");
        }
    }

    @Override
    Rendered analyse(ModelFrame frame) {
        FineGray fg = FineGray.withDefaults().withTolerance(gtol).withMaxIterations(maxIterations);
        if (cause != null) {
            fg = fg.withCause(cause);
        }
        FineGrayResult fit;
        if (cov2 != null) {
            for (String c : cov2.split(",")) {
                if (!data.lastRead.hasColumn(c.strip())) {
                    throw new UsageException("--cov2 " + c.strip() + ": no such column; the file has "
                            + data.lastRead.columnNames());
                }
                fg = fg.withTimeVaryingCovariate(c.strip(), tf);
            }
        }
        if (cengroup != null) {
            if (!data.lastRead.hasColumn(cengroup)) {
                throw new UsageException("--cengroup " + cengroup + ": no such column; the file has "
                        + data.lastRead.columnNames());
            }
            fg = fg.withCensoringGroups(cengroup);
        }
        fit = cengroup != null || cov2 != null ? fg.fit(data.lastRead, frame.terms()) : fg.fit(frame);
        if (predict == null) {
            return Rendered.of(fit);
        }
        double[][] rows = rows(predict, fit.terms());
        double[][] cif = fit.predict(rows);
        double[] times = fit.failureTimes();
        return new Rendered(out -> {
            out.print(fit);
            out.println();
            for (int f = 0; f < times.length; f++) {
                out.printf(Locale.ROOT, "%s", times[f]);
                for (double v : cif[f]) {
                    out.printf(Locale.ROOT, " %s", v);
                }
                out.println();
            }
        }, out -> JsonOutput.withMember(out, fit::writeJson, "predict", o -> {
            JsonWriter w = new JsonWriter(o);
            w.beginObject().name("time").array(times).name("cif").matrix(cif).endObject();
        }), fit::table);
    }

    /** The covariate rows of {@code file}: a header naming the coefficients, then numbers. */
    static double[][] rows(Path file, List<String> terms) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read --predict " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("--predict " + file + " is empty; expected a header " + terms);
        }
        String[] head = lines.get(0).split(",", -1);
        int[] col = new int[terms.size()];
        for (int j = 0; j < terms.size(); j++) {
            col[j] = -1;
            for (int c = 0; c < head.length; c++) {
                if (head[c].strip().replace("\"", "").equals(terms.get(j))) {
                    col[j] = c;
                }
            }
            if (col[j] < 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "--predict %s: no column '%s'; the header has %s and the model's coefficients are %s",
                        file.getFileName(), terms.get(j), List.of(head), terms));
            }
        }
        double[][] r = new double[lines.size() - 1][terms.size()];
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            for (int j = 0; j < terms.size(); j++) {
                String v = col[j] < f.length ? f[col[j]].strip() : "";
                try {
                    r[i - 1][j] = Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "--predict %s: column '%s', row %d (line %d): '%s' is not a number", file.getFileName(),
                            terms.get(j), i, i + 1, v));
                }
            }
        }
        return r;
    }
}
