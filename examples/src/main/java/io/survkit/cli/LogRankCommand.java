package io.survkit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.survkit.compare.LogRankResult;
import io.survkit.compare.LogRankTest;
import io.survkit.compare.PValueAdjustment;
import io.survkit.compare.PairwiseLogRank;
import io.survkit.compare.PairwiseLogRankResult;
import io.survkit.compare.Weighting;
import io.survkit.data.SurvivalData;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code survkit logrank}: the weighted log-rank family as R's {@code survdiff} (and beyond);
 * text like {@code print(survdiff)}, or with {@code --json} the oracle's logrank layout.
 */
@Command(name = "logrank", mixinStandardHelpOptions = true, showDefaultValues = true,
        versionProvider = Main.VersionProvider.class,
        description = "Log-rank family of tests: log-rank, Fleming-Harrington, Gehan, Tarone-Ware (R survdiff).")
final class LogRankCommand implements Callable<Integer> {
    /** The words of {@code --weighting}. */
    static final class Weightings extends Choices<Weighting> {
        Weightings() {
            add("logrank", Weighting.LOG_RANK).add("fh", Weighting.FLEMING_HARRINGTON)
                    .add("gehan", Weighting.GEHAN_BRESLOW).add("tarone-ware", Weighting.TARONE_WARE)
                    .add("peto-peto", Weighting.PETO_PETO);
        }
    }

    /** The words of {@code --pairwise}. */
    static final class Adjustments extends Choices<PValueAdjustment> {
        Adjustments() {
            add("none", PValueAdjustment.NONE).add("bonferroni", PValueAdjustment.BONFERRONI)
                    .add("holm", PValueAdjustment.HOLM).add("bh", PValueAdjustment.BENJAMINI_HOCHBERG);
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    OutputOptions output;

    @Option(names = "--weighting", paramLabel = "NAME", converter = Weightings.class,
            completionCandidates = Weightings.class,
            description = "Weights of the test: ${COMPLETION-CANDIDATES}. Default: logrank, or fh when --rho "
                    + "or --gamma is given.")
    Weighting weighting;

    @Option(names = "--rho", paramLabel = "RHO", converter = Converters.FiniteNumber.class,
            description = "Fleming-Harrington rho: weight S(t-)^rho (R survdiff(rho=)); default 0.")
    Double rho;

    @Option(names = "--gamma", paramLabel = "GAMMA", converter = Converters.FiniteNumber.class,
            description = "Fleming-Harrington gamma: weight (1 - S(t-))^gamma; default 0.")
    Double gamma;

    @Option(names = "--pairwise", paramLabel = "ADJUST", arity = "0..1", fallbackValue = "holm",
            converter = Adjustments.class, completionCandidates = Adjustments.class,
            description = "Also test every pair of groups, p-values adjusted by ${COMPLETION-CANDIDATES} "
                    + "(R p.adjust); --pairwise alone means holm.")
    PValueAdjustment pairwise;

    @Override
    public Integer call() {
        OutputOptions.Format format = output.format();
        if (format == OutputOptions.Format.CSV) {
            throw new UsageException("--format csv is not available for logrank yet");
        }
        DataOptions.require(data.group, "--group");
        output.checkWritable();
        SurvivalData d = data.read(Main.stdin(spec));
        LogRankTest test = test();
        LogRankResult r = test.test(d);
        PairwiseLogRankResult pairs = pairwise == null ? null
                : PairwiseLogRank.withDefaults().withTest(test).withAdjustment(pairwise).test(d);
        output.write(spec.commandLine().getOut(), out -> {
            if (format == OutputOptions.Format.JSON) {
                ObjectNode json = json(r);
                if (pairs != null) {
                    json.set("pairwise", Pairwise.json(pairs));
                }
                out.println(Json.write(json));
            } else {
                out.print(r);
                if (pairs != null) {
                    out.println();
                    out.print(pairs);
                }
            }
        });
        return ExitCode.OK;
    }

    private LogRankTest test() {
        Weighting w = weighting;
        if (w == null) {
            w = rho != null || gamma != null ? Weighting.FLEMING_HARRINGTON : Weighting.LOG_RANK;
        }
        LogRankTest t = LogRankTest.withDefaults().withWeighting(w);
        if (rho != null) {
            t = t.withRho(rho);
        }
        if (gamma != null) {
            t = t.withGamma(gamma);
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
