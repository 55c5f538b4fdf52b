package io.survkit.plot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.data.ModelFrame;
import io.survkit.data.SurvivalData;
import io.survkit.estimate.KaplanMeier;
import io.survkit.estimate.KaplanMeierResult;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of the KM figure on every scale, on random data with ties, censoring and curves that
 * reach 0 (fixed seed): every path holds only finite numbers (log(0) points are left out, as R leaves
 * them out), and the drawn curve moves one way: down the page never for S, never up for 1 - S,
 * -log S and log(-log S) (SVG y grows downward).
 */
class KaplanMeierScalePropertyTest {
    record Row(double time, boolean event, int group) {
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        return Combinators.combine(Arbitraries.integers().between(1, 60).map(i -> (double) i),
                Arbitraries.of(true, true, false), Arbitraries.integers().between(0, 1)).as(Row::new).list()
                .ofMinSize(2).ofMaxSize(60);
    }

    static KaplanMeierResult fit(List<Row> rows) {
        int n = rows.size();
        double[] t = new double[n];
        boolean[] e = new boolean[n];
        String[] g = new String[n];
        for (int i = 0; i < n; i++) {
            t[i] = rows.get(i).time();
            e[i] = rows.get(i).event();
            g[i] = "g" + rows.get(i).group();
        }
        SurvivalData d = SurvivalData.builder().time("t", t).event("e", e).text("arm", g).build();
        return KaplanMeier.withDefaults().fit(ModelFrame.of(d, "arm"));
    }

    @Property(seed = "42", tries = 150)
    void pathsAreFiniteAndMonotoneOnEveryScale(@ForAll("rows") List<Row> rows) {
        KaplanMeierResult fit = fit(rows);
        for (CurveScale scale : CurveScale.values()) {
            String svg = KaplanMeierPlot.withDefaults().withScale(scale).withConfidenceBands(true)
                    .render(KaplanMeierPlots.curves(fit, scale));
            assertFalse(svg.contains("NaN") || svg.contains("Infinity"), scale + ": a number that is not finite");
            Matcher m = Pattern.compile("d=\"([^\"]*)\"[^>]*class=\"km-path\"").matcher(svg);
            while (m.find()) {
                Matcher v = Pattern.compile("V(-?[0-9.]+)").matcher(m.group(1));
                double prev = scale == CurveScale.SURVIVAL ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                while (v.find()) {
                    double y = Double.parseDouble(v.group(1));
                    assertTrue(scale == CurveScale.SURVIVAL ? y >= prev - 0.011 : y <= prev + 0.011,
                            scale + ": the curve turns back at y = " + y + " after " + prev);
                    prev = y;
                }
            }
        }
    }
}
