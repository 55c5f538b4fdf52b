package io.survkit.bench;

import io.survkit.data.ModelFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.survkit.data.SurvivalData;
import io.survkit.estimate.KaplanMeier;
import io.survkit.estimate.KaplanMeierResult;
import io.survkit.estimate.SurvivalCurve;
import io.survkit.regression.CoxRegression;
import io.survkit.regression.CoxResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;
import org.biojava.nbio.survival.cox.CoxInfo;
import org.biojava.nbio.survival.cox.StrataInfo;
import org.junit.jupiter.api.Test;

/** Before comparing speed: survkit and biojava-survival give the same numbers on benchmark-like data. */
class BiojavaAgreementTest {

    static SurvivalData data(int n) {
        SplittableRandom rnd = new SplittableRandom(11);
        double[] t = new double[n];
        boolean[] e = new boolean[n];
        String[] arm = new String[n];
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        for (int i = 0; i < n; i++) {
            boolean b = rnd.nextBoolean();
            x1[i] = rnd.nextDouble();
            x2[i] = rnd.nextInt(3);
            t[i] = Math.round(-(b ? 430 : 300) * Math.log(1 - rnd.nextDouble()) * Math.exp(-0.3 * x1[i])) + 1;
            e[i] = rnd.nextDouble() >= 0.3;
            arm[i] = b ? "B" : "A";
        }
        return SurvivalData.builder().time("time", t).event("dead", e).text("arm", arm).numeric("x1", x1)
                .numeric("x2", x2).build();
    }

    @Test
    void kaplanMeierAgrees() {
        ModelFrame d = ModelFrame.of(data(3000), "arm");
        KaplanMeierResult ours = KaplanMeier.withDefaults().fit(d);
        LinkedHashMap<String, StrataInfo> peer = BiojavaPeer.kaplanMeier(BiojavaPeer.input(d, true));
        for (String level : List.of("A", "B")) {
            SurvivalCurve c = ours.curve("arm=" + level);
            StrataInfo p = peer.get(level);
            assertEquals(c.size(), p.getTime().size(), level);
            for (int i = 0; i < c.size(); i++) {
                assertEquals(c.time(i), p.getTime().get(i), 0, level + " time " + i);
                assertEquals(c.survival(i), p.getSurv().get(i), 1e-12, level + " surv " + i);
                assertEquals(c.numberAtRisk(i), p.getNrisk().get(i), 1e-9, level + " n.risk " + i);
            }
        }
    }

    @Test
    void coxAgrees() {
        ModelFrame d = ModelFrame.of(data(3000), "x1 + x2");
        CoxResult ours = CoxRegression.withDefaults().fit(d);
        CoxInfo peer = BiojavaPeer.cox(new ArrayList<>(List.of("x1", "x2")), BiojavaPeer.input(d, false));
        assertEquals(ours.coefficients()[0], peer.getCoefficient("x1").getCoeff(), 1e-8);
        assertEquals(ours.coefficients()[1], peer.getCoefficient("x2").getCoeff(), 1e-8);
        assertEquals(ours.standardErrors()[0], peer.getCoefficient("x1").getStdError(), 1e-8);
    }
}
