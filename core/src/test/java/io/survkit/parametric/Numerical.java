package io.survkit.parametric;

import io.survkit.data.SurvivalData;

/** Central-difference derivatives of a model's log-likelihood, for score and information checks. */
final class Numerical {
    private Numerical() {
    }

    /** The parameters (b, log sigma...) of a fit, original covariate scale. */
    static double[] parameters(ParametricResult fit) {
        double[] b = fit.coefficients();
        double[] ls = fit.logScales();
        double[] t = java.util.Arrays.copyOf(b, b.length + ls.length);
        System.arraycopy(ls, 0, t, b.length, ls.length);
        return t;
    }

    /** d loglik / d theta at the fit's estimate. */
    static double[] gradient(SurvivalData data, String formula, Distribution dist, ParametricResult fit) {
        AftDesign d = AftDesign.of(io.survkit.data.ModelFrame.of(data, formula), dist);
        double[] theta = parameters(fit);
        double[] g = new double[theta.length];
        for (int k = 0; k < theta.length; k++) {
            double h = 1e-5 * Math.max(1, Math.abs(theta[k]));
            double[] up = theta.clone();
            double[] dn = theta.clone();
            up[k] += h;
            dn[k] -= h;
            g[k] = (d.logLikelihood(up, dist) - d.logLikelihood(dn, dist)) / (2 * h);
        }
        return g;
    }

    /** d2 loglik / d theta2 at the fit's estimate (central differences of the loglik). */
    static double[][] hessian(SurvivalData data, String formula, Distribution dist, ParametricResult fit) {
        AftDesign d = AftDesign.of(io.survkit.data.ModelFrame.of(data, formula), dist);
        double[] theta = parameters(fit);
        int k = theta.length;
        double[][] h = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                double ha = 1e-4 * Math.max(1, Math.abs(theta[a]));
                double hb = 1e-4 * Math.max(1, Math.abs(theta[b]));
                double pp = at(d, dist, theta, a, ha, b, hb);
                double pm = at(d, dist, theta, a, ha, b, -hb);
                double mp = at(d, dist, theta, a, -ha, b, hb);
                double mm = at(d, dist, theta, a, -ha, b, -hb);
                h[a][b] = (pp - pm - mp + mm) / (4 * ha * hb);
            }
        }
        return h;
    }

    private static double at(AftDesign d, Distribution dist, double[] theta, int a, double ha, int b, double hb) {
        double[] t = theta.clone();
        t[a] += ha;
        t[b] += hb;
        return d.logLikelihood(t, dist);
    }
}
