package io.survkit.cli;

import io.survkit.compare.LogRankResult;
import io.survkit.compare.LogRankTest;
import io.survkit.compare.PValueAdjustment;
import io.survkit.compare.PairwiseLogRank;
import io.survkit.compare.PairwiseLogRankResult;
import io.survkit.compare.Weighting;
import io.survkit.data.ModelFrame;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code survkit logrank}: the weighted log-rank family as R's {@code survdiff} (and beyond);
 * text like {@code print(survdiff)}, or with {@code --json} the oracle's logrank layout.
 */
@Command(name = "logrank",
        description = "Log-rank family of tests: log-rank, Fleming-Harrington, Gehan, Tarone-Ware (R survdiff).")
final class LogRankCommand extends AnalysisCommand {
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
    void check(OutputOptions.Format format) {
        DataOptions.require(data.group, "--group");
        if (format == OutputOptions.Format.CSV && pairwise != null) {
            throw new UsageException("--format csv writes one table and --pairwise adds a second; "
                    + "use --format json or text, or leave out --pairwise");
        }
    }

    @Override
    Rendered analyse(ModelFrame d) {
        LogRankTest test = test();
        LogRankResult r = test.test(d);
        if (pairwise == null) {
            return Rendered.of(r);
        }
        PairwiseLogRankResult pairs = PairwiseLogRank.withDefaults().withTest(test).withAdjustment(pairwise).test(d);
        return new Rendered(out -> out.print(r + "\n" + pairs),
                out -> JsonOutput.append(out, JsonOutput.withMember(r.toJson(), "pairwise", pairs.toJson())), null);
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
}
