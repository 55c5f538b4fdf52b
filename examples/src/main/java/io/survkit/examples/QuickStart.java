package io.survkit.examples;

import io.survkit.compare.LogRankResult;
import io.survkit.compare.LogRankTest;
import io.survkit.data.SurvivalData;
import io.survkit.estimate.ConfidenceIntervalType;
import io.survkit.estimate.KaplanMeier;
import io.survkit.estimate.KaplanMeierResult;
import io.survkit.plot.KaplanMeierPlot;
import io.survkit.plot.KaplanMeierPlots;
import io.survkit.regression.CoxRegression;
import io.survkit.regression.CoxResult;
import io.survkit.regression.ProportionalHazardsTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public API in one sitting, on the NCCTG lung cancer data bundled in {@code examples/data}:
 * Kaplan-Meier by sex, the log-rank test, a Cox model with its proportional-hazards test, and an
 * SVG figure. Run: {@code java -cp examples/target/survkit.jar io.survkit.examples.QuickStart
 * [lung.csv] [figure.svg]}.
 */
public final class QuickStart {
    private QuickStart() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "examples/data/lung.csv");
        SurvivalData lung = SurvivalData.csv(file)
                .time("time").event("status", "2")   // status 2 = dead, 1 = censored
                .read();                             // every column; the model is chosen per analysis
        System.out.println(lung);

        // by sex (1 = male, 2 = female): every row with time, status and sex, as R's survfit(... ~ sex)
        KaplanMeierResult km = KaplanMeier.withDefaults().withConfidenceIntervalType(ConfidenceIntervalType.LOG_LOG)
                .fit(lung, "sex");
        System.out.println(km.summaryTable(730));                 // as print(survfit(...), rmean = 730)
        km.at(180, 365, 730).forEach(System.out::println);  // as summary(fit, times = c(180, 365, 730))

        LogRankResult logRank = LogRankTest.withDefaults().test(lung, "sex");
        System.out.println(logRank);                       // as print(survdiff(...))

        CoxResult cox = CoxRegression.withDefaults().fit(lung, "age + sex + ph.ecog"); // drops the row without ph.ecog
        System.out.println(cox);                           // as print(summary(coxph(...)))
        System.out.println(ProportionalHazardsTest.withDefaults().test(cox)); // as cox.zph(fit)

        String svg = KaplanMeierPlot.withDefaults().withTitle("NCCTG lung cancer: survival by sex")
                .withTimeLabel("Days").withConfidenceBands(true)
                .withAnnotation(String.format("Log-rank p = %.4f", logRank.pValue()))
                .render(KaplanMeierPlots.curves(km));
        Path out = Path.of(args.length > 1 ? args[1] : "lung-km.svg");
        Files.writeString(out, svg);
        System.out.println("wrote " + out);
    }
}
