package io.survkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        output.write(spec.commandLine().getOut(), out -> {
            if (format == OutputOptions.Format.JSON) {
                out.println(Json.write(method == CifMethod.CUMINC ? cuminc(fit) : aalenJohansen(fit, d)));
            } else {
                out.print(fit);
            }
        });
        return ExitCode.OK;
    }

    /** The oracle's cif result with method cuminc. */
    static ObjectNode cuminc(CumulativeIncidenceResult fit) {
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
        Optional<GrayTestResult> gray = fit.grayTest();
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
