package io.survkit.parametric;

/**
 * {@code integral_0^tau S(t) dt} of a location-scale model by Gauss-Legendre quadrature: for
 * log-time models in u = log t (where S is smooth even when the hazard is infinite at 0), over
 * {@code [log tau - 40, log tau]} (the rest contributes at most {@code tau e^-40}); for
 * identity-time models in t over [0, tau]. 64 panels of 8 nodes.
 */
final class RestrictedMeans {
    private static final int PANELS = 64;
    private static final double[] NODES = {-0.9602898564975363, -0.7966664774136267, -0.5255324099163290,
        -0.1834346424956498, 0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363};
    private static final double[] WEIGHTS = {0.1012285362903763, 0.2223810344533745, 0.3137066458778873,
        0.3626837833783620, 0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763};

    private RestrictedMeans() {
    }

    /** {@code integral_0^tau S(t) dt} of any survival function, in u = log t. */
    static double integrate(java.util.function.DoubleUnaryOperator survival, double tau) {
        double lo = Math.log(tau) - 40;
        double width = (Math.log(tau) - lo) / PANELS;
        double sum = Math.exp(lo);
        for (int k = 0; k < PANELS; k++) {
            double mid = lo + (k + 0.5) * width;
            for (int j = 0; j < NODES.length; j++) {
                double u = mid + NODES[j] * width / 2;
                double t = Math.exp(u);
                sum += WEIGHTS[j] * width / 2 * survival.applyAsDouble(t) * t;
            }
        }
        return sum;
    }

    static double integrate(ErrorDistribution e, boolean logTime, double eta, double sigma, double tau) {
        double[] a = new double[5];
        double lo = logTime ? Math.log(tau) - 40 : 0;
        double hi = logTime ? Math.log(tau) : tau;
        double width = (hi - lo) / PANELS;
        double sum = logTime ? Math.exp(lo) : 0; // S ~ 1 below the lower limit
        for (int k = 0; k < PANELS; k++) {
            double mid = lo + (k + 0.5) * width;
            for (int j = 0; j < NODES.length; j++) {
                double u = mid + NODES[j] * width / 2;
                e.tails((u - eta) / sigma, a);
                sum += WEIGHTS[j] * width / 2 * (logTime ? a[1] * Math.exp(u) : a[1]);
            }
        }
        return sum;
    }
}
