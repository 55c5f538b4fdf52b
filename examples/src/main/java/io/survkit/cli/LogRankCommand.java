package io.survkit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.survkit.compare.LogRankResult;
import io.survkit.compare.LogRankTest;
import io.survkit.compare.Weighting;
import io.survkit.data.ModelFrame;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code survkit logrank}: the weighted log-rank family as R's {@code survdiff} (and beyond);
 * text like {@code print(survdiff)}, or with {@code --json} the oracle's logrank layout.
 */
final class LogRankCommand implements Command {
    private static final Map<String, Weighting> WEIGHTINGS = Map.of("logrank", Weighting.LOG_RANK, "fh",
            Weighting.FLEMING_HARRINGTON, "gehan", Weighting.GEHAN_BRESLOW, "tarone-ware", Weighting.TARONE_WARE,
            "peto-peto", Weighting.PETO_PETO);

    @Override
    public String name() {
        return "logrank";
    }

    @Override
    public String summary() {
        return "Log-rank family of tests: log-rank, Fleming-Harrington, Gehan, Tarone-Ware (R survdiff)";
    }

    @Override
    public Set<String> options() {
        Set<String> s = new HashSet<>(DataOptions.OPTIONS);
        s.addAll(Set.of("rho", "gamma", "weighting", "pairwise"));
        return s;
    }

    @Override
    public int run(Args a, PrintStream out) {
        a.require("group");
        ModelFrame data = ModelFrame.of(DataOptions.reader(a).read(), DataOptions.terms(a, true, false));
        LogRankTest test = test(a);
        LogRankResult r = test.test(data);
        ObjectNode pairwise = a.has("pairwise") ? Pairwise.json(a, test, data) : null;
        if (a.flag("json")) {
            ObjectNode json = json(r);
            if (pairwise != null) {
                json.set("pairwise", pairwise);
            }
            out.println(Json.write(json));
        } else {
            out.print(r);
            if (pairwise != null) {
                out.println();
                out.print(Pairwise.text(a, test, data));
            }
        }
        return 0;
    }

    static LogRankTest test(Args a) {
        Weighting w = a.choice("weighting", WEIGHTINGS, null);
        LogRankTest t = LogRankTest.withDefaults();
        if (w == null) {
            w = a.has("rho") || a.has("gamma") ? Weighting.FLEMING_HARRINGTON : Weighting.LOG_RANK;
        }
        t = t.withWeighting(w);
        if (a.has("rho")) {
            t = t.withRho(a.number("rho", 0));
        }
        if (a.has("gamma")) {
            t = t.withGamma(a.number("gamma", 0));
        }
        return t;
    }

    /** The oracle's logrank result fields. */
    static ObjectNode json(LogRankResult r) {
        ObjectNode o = Json.object();
        o.put("nOmitted", r.omittedRows());
        o.set("groups", Json.strings(r.groups()));
        o.set("n", Json.array(r.rowCounts()));
        o.set("observed", Json.array(r.observed()));
        o.set("expected", Json.array(r.expected()));
        o.set("variance", Json.matrix(r.variance()));
        Json.put(o, "chisq", r.chiSquare());
        o.put("df", r.degreesOfFreedom());
        Json.put(o, "p", r.pValue());
        if (r.isStratified()) {
            o.set("strata", Json.strings(r.strata()));
            o.set("observedByStratum", Json.matrix(r.observedByStratum()));
            o.set("expectedByStratum", Json.matrix(r.expectedByStratum()));
        } else {
            o.putNull("strata");
            o.putNull("observedByStratum");
            o.putNull("expectedByStratum");
        }
        if (!r.warnings().isEmpty()) {
            o.set("warnings", Json.strings(r.warnings()));
        }
        return o;
    }
}
