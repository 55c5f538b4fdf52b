package io.survkit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.survkit.compare.GrayTestResult;
import io.survkit.data.ModelFrame;
import io.survkit.estimate.CifMethod;
import io.survkit.estimate.CumulativeIncidence;
import io.survkit.estimate.CumulativeIncidenceResult;
import io.survkit.estimate.IncidenceCurve;
import io.survkit.estimate.StateProbabilities;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code survkit cif}: cumulative incidence of competing risks, as cmprsk's {@code cuminc} (with
 * Gray's test) or as survival's multi-state {@code survfit} (Aalen-Johansen); {@code --json} gives
 * the oracle's cif layout.
 */
final class CifCommand implements Command {
    private static final Map<String, CifMethod> METHODS = Map.of("cuminc", CifMethod.CUMINC, "aalen-johansen",
            CifMethod.AALEN_JOHANSEN);

    @Override
    public String name() {
        return "cif";
    }

    @Override
    public String summary() {
        return "Cumulative incidence of competing risks and Gray's test (cmprsk cuminc, survfit multi-state)";
    }

    @Override
    public Set<String> options() {
        Set<String> s = new HashSet<>(DataOptions.OPTIONS);
        s.add("method");
        return s;
    }

    @Override
    public int run(Args a, PrintStream out) {
        a.require("censor-value");
        ModelFrame data = ModelFrame.of(DataOptions.reader(a).read(), DataOptions.terms(a, true, false));
        CifMethod method = a.choice("method", METHODS, CifMethod.CUMINC);
        CumulativeIncidenceResult fit = CumulativeIncidence.withDefaults().withMethod(method).fit(data);
        if (a.flag("json")) {
            out.println(Json.write(method == CifMethod.CUMINC ? cuminc(fit) : aalenJohansen(fit, data)));
        } else {
            out.print(fit);
        }
        return 0;
    }

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

    static ObjectNode aalenJohansen(CumulativeIncidenceResult fit, ModelFrame data) {
        ObjectNode r = Json.object();
        r.put("nOmitted", fit.omittedRows());
        r.set("states", Json.strings(fit.states()));
        if (data.groups().isEmpty()) {
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
