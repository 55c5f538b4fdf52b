package io.survkit.regression;
import io.survkit.data.*;
import java.util.*;
import org.junit.jupiter.api.Test;
class TmpTimingTest {
  @Test void timing() {
    int n = 100000, p = 10;
    Random r = new Random(20240601L);
    double[][] x = new double[p][n]; double[] t = new double[n]; boolean[] e = new boolean[n];
    for (int i = 0; i < n; i++) { double eta = 0; for (int j = 0; j < p; j++) { x[j][i] = r.nextGaussian(); eta += 0.1 * x[j][i]; }
      double ev = -Math.log(1 - r.nextDouble()) / (0.1 * Math.exp(eta)); double ce = r.nextDouble() * 25;
      t[i] = Math.max(0.01, Math.round(Math.min(ev, ce) * 100) / 100.0); e[i] = ev <= ce; }
    Builder b = SurvivalData.builder().time("time", t).event("status", e);
    for (int j = 0; j < p; j++) b.numeric("x" + (j + 1), x[j]);
    SurvivalData data = b.build();
    double md=1e9, mn=1e9, mc=1e9, mf=1e9;
    for (int rep = 0; rep < 25; rep++) {
      long t0 = System.nanoTime();
      CoxDesign d = CoxDesign.of(data, List.of());
      long t1 = System.nanoTime();
      CoxKernel k = new CoxKernel(d, TieMethod.EFRON);
      CoxKernel.Fit f = k.newtonRaphson(20, 1e-9, CoxRegression.TOLER_CHOL);
      long t2 = System.nanoTime();
      double[] lp = new double[n];
      for (int i = 0; i < n; i++) { double s = 0; for (int j = 0; j < p; j++) s += f.betaScaled[j] * d.x[i * p + j]; lp[i] = s; }
      double[] c = Concordance.compute(d, lp, false);
      long t3 = System.nanoTime();
      CoxResult res = CoxRegression.withDefaults().fit(data);
      long t4 = System.nanoTime();
      md=Math.min(md,(t1-t0)/1e6); mn=Math.min(mn,(t2-t1)/1e6); mc=Math.min(mc,(t3-t2)/1e6); mf=Math.min(mf,(t4-t3)/1e6);
    }
    System.out.printf("design %.1f ms, NR %.1f ms, concordance %.1f ms, full fit %.1f ms (min of 25)%n", md, mn, mc, mf);
  }
}
