package io.survkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.survkit.compare.GrayTest;
import io.survkit.compare.GrayTestResult;
import io.survkit.data.SurvivalData;
import io.survkit.estimate.CifMethod;
import io.survkit.estimate.CumulativeIncidence;
import io.survkit.estimate.CumulativeIncidenceResult;
import io.survkit.estimate.IncidenceCurve;
import io.survkit.estimate.StateProbabilities;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code survkit cif}: cumulative incidence of competing risks, as cmprsk's {@code cuminc} (with
 * Gray's test) or as survival's multi-state {@code survfit} (Aalen-Johansen); {@code --json} gives
 * the oracle's cif layout.
 */
@Command(name = "cif", mixinStandardHelpOptions = true, showDefaultValues = true,
        versionProvider = Main.VersionProvider.class,
        description = "Cumulative incidence of competing risks and Gray's test (cmprsk cuminc, survfit multi-state).")
final class CifCommand implements Callable<Integer> {
    /** The words of {@code --method}. */
    static final class Methods extends Choices<CifMethod> {
        Methods() {
            add("cuminc", CifMethod.CUMINC).add("aalen-johansen", CifMethod.AALEN_JOHANSEN);
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    OutputOptions output;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "cuminc", converter = Methods.class,
            completionCandidates = Methods.class,
            description = "Estimator: ${COMPLETION-CANDIDATES} (cmprsk cuminc with Gray's test, or survfit "
                    + "with a factor status).")
    CifMethod method;

    @Option(names = "--rho", paramLabel = "RHO", defaultValue = "0", converter = Converters.FiniteNumber.class,
            description = "Gray's test weight S(t)^rho (cmprsk cuminc rho): 0 = log-rank-like, 1 = Wilcoxon-like.")
    double rho;

    @Option(names = "--times", paramLabel = "T[,T...]", converter = Converters.NumberList.class,
            description = "Cumulative incidence and its variance at these times (cmprsk timepoints), "
                    + "absent after a curve's last time.")
    Converters.Numbers times;

    @Override
    public Integer call() {
        OutputOptions.Format format = output.format();
        if (format == OutputOptions.Format.CSV) {
            throw new UsageException("--format csv is not available for cif yet");
        }
        DataOptions.require(data.censorValue, "--censor-value");
        output.checkWritable();
        SurvivalData d = data.read(Main.stdin(spec));
        CumulativeIncidenceResult fit = CumulativeIncidence.withDefaults().withMethod(method).fit(d);
        Optional<GrayTestResult> gray = rho == 0 || d.group() == null ? fit.grayTest()
                : Optional.of(GrayTest.withDefaults().withRho(rho).test(d));
        double[] at = times == null ? null : sortedDistinct(times.values());
        output.write(spec.commandLine().getOut(), out -> {
            if (format == OutputOptions.Format.JSON) {
                ObjectNode r = method == CifMethod.CUMINC ? cuminc(fit, gray) : aalenJohansen(fit, d);
                if (at != null) {
                    r.set("timepoints", timepoints(fit, at));
                }
                out.println(Json.write(r));
            } else {
                out.print(fit);
                if (rho != 0 && gray.isPresent()) {
                    out.println();
                    out.print(gray.get());
                }
                if (at != null) {
                    out.println();
                    for (IncidenceCurve c : fit.curves()) {
                        for (double t : at) {
                            out.printf(java.util.Locale.ROOT, "%s  t=%s  est=%s  var=%s%n", c.name(), t,
                                    c.estimateAt(t), c.varianceAt(t));
                        }
                    }
                }
            }
        });
        return ExitCode.OK;
    }

    /** cmprsk's {@code timepoints(fit, times)}: times sorted and unique, est and var per curve (null = NA). */
    static ObjectNode timepoints(CumulativeIncidenceResult fit, double[] at) {
        ObjectNode o = Json.object();
        o.set("times", Json.array(at));
        ArrayNode names = o.putArray("curves");
        ArrayNode est = o.putArray("est");
        ArrayNode var = o.putArray("var");
        for (IncidenceCurve c : fit.curves()) {
            names.add(c.name());
            double[] e = new double[at.length];
            double[] v = new double[at.length];
            for (int i = 0; i < at.length; i++) {
                e[i] = c.estimateAt(at[i]);
                v[i] = c.varianceAt(at[i]);
            }
            est.add(Json.array(e));
            var.add(Json.array(v));
        }
        return o;
    }

    private static double[] sortedDistinct(double[] v) {
        return java.util.Arrays.stream(v).sorted().distinct().toArray();
    }

    /** The oracle's cif result with method cuminc. */
    static ObjectNode cuminc(CumulativeIncidenceResult fit, Optional<GrayTestResult> gray) {
        ObjectNode r = Json.object();
        r.put("nOmitted", fit.omittedRows());
        ArrayNode curves = r.putArray("curves");
        for (IncidenceCurve c : fit.curves()) {
            ObjectNode o = curves.addObject();
            o.put("name", c.name());
            o.put("group", c.group());
            o.put("cause", number(c.cause()));
            o.set("time", Json.array(c.times()));
            o.set("est", Json.array(c.estimates()));
            o.set("var", Json.array(c.variances()));
        }
        if (gray.isPresent()) {
            ArrayNode tests = r.putArray("grayTest");
            GrayTestResult g = gray.get();
            for (int c = 0; c < g.causeCount(); c++) {
                ObjectNode o = tests.addObject();
                o.put("cause", number(g.cause(c)));
                Json.put(o, "stat", g.statistic(c));
                Json.put(o, "p", g.pValue(c));
                o.put("df", g.degreesOfFreedom(c));
            }
        } else {
            r.putNull("grayTest");
        }
        return r;
    }

    static ObjectNode aalenJohansen(CumulativeIncidenceResult fit, SurvivalData data) {
        ObjectNode r = Json.object();
        r.put("nOmitted", fit.omittedRows());
        r.set("states", Json.strings(fit.states()));
        if (data.group() == null) {
            StateProbabilities s = fit.stateCurve(0);
            r.set("time", Json.array(s.times()));
            r.set("pstate", Json.matrix(s.probabilities()));
            r.set("stdErr", Json.matrix(s.standardErrors()));
        } else {
            ArrayNode strata = r.putArray("strata");
            for (StateProbabilities s : fit.stateCurves()) {
                ObjectNode o = strata.addObject();
                o.put("name", s.name());
                o.set("time", Json.array(s.times()));
                o.set("pstate", Json.matrix(s.probabilities()));
                o.set("stdErr", Json.matrix(s.standardErrors()));
            }
        }
        return r;
    }

    /** Cause codes are numbers in the oracle when they are numbers in the data. */
    private static com.fasterxml.jackson.databind.JsonNode number(String label) {
        try {
            double d = Double.parseDouble(label);
            return d == Math.rint(d) ? Json.F.numberNode((long) d) : Json.F.numberNode(d);
        } catch (NumberFormatException e) {
            return Json.F.textNode(label);
        }
    }
}
