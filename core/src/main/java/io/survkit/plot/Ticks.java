package io.survkit.plot;

/**
 * "Nice" axis ticks (Heckbert 1990, Graphics Gems): steps of 1, 2, 2.5 or 5 times a power of ten,
 * or multiples of 12 for month axes longer than two years.
 */
final class Ticks {
    private Ticks() {
    }

    /** About {@code target} ticks from 0 to at least {@code max}. */
    static double[] upTo(double max, int target, boolean months) {
        if (!(max > 0)) {
            return new double[] {0, 1};
        }
        double step = step(max / Math.max(1, target));
        if (months && max >= 24) {
            step = 12 * Math.ceil(max / Math.max(1, target) / 12); // whole years
        }
        int k = (int) Math.ceil(max / step - 1e-9);
        double[] t = new double[k + 1];
        for (int i = 0; i <= k; i++) {
            t[i] = i * step;
        }
        return t;
    }

    /** Ticks 0, step, 2 step, ... up to the first at or beyond {@code max}. */
    static double[] every(double max, double step) {
        int k = Math.max(1, (int) Math.ceil(max / step - 1e-9));
        if (k > 1000) {
            throw io.survkit.internal.Check.fail("tick interval %s gives %d ticks up to %s; choose a larger interval",
                    step, k, max);
        }
        double[] t = new double[k + 1];
        for (int i = 0; i <= k; i++) {
            t[i] = i * step;
        }
        return t;
    }

    static double step(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        return nice * p;
    }

    /** The largest 1-2-5 value at or below {@code lo} and the smallest at or above {@code hi} (both > 0). */
    static double[] logBounds(double lo, double hi) {
        return new double[] {niceLog(lo, false), niceLog(hi, true)};
    }

    private static double niceLog(double v, boolean up) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        double[] m = {1, 2, 5, 10};
        if (up) {
            for (double k : m) {
                if (k * p >= v * (1 - 1e-12)) {
                    return k * p;
                }
            }
            return 10 * p;
        }
        for (int i = m.length - 1; i >= 0; i--) {
            if (m[i] * p <= v * (1 + 1e-12)) {
                return m[i] * p;
            }
        }
        return p;
    }

    /** About {@code target} nice ticks covering [lo, hi] (lo &lt; hi), any sign. */
    static double[] between(double lo, double hi, int target) {
        double step = step((hi - lo) / Math.max(1, target));
        long a = (long) Math.floor(lo / step + 1e-9);
        long b = (long) Math.ceil(hi / step - 1e-9);
        double[] t = new double[(int) (b - a) + 1];
        for (int i = 0; i < t.length; i++) {
            t[i] = (a + i) * step;
        }
        return t;
    }

    /** Ticks on a log axis between lo and hi (powers and 1-2-5 of ten). */
    static double[] log(double lo, double hi) {
        java.util.List<Double> t = new java.util.ArrayList<>();
        int a = (int) Math.floor(Math.log10(lo));
        int b = (int) Math.ceil(Math.log10(hi));
        for (int e = a; e <= b; e++) {
            for (double m : new double[] {1, 2, 5}) {
                double v = m * Math.pow(10, e);
                if (v >= lo * 0.999 && v <= hi * 1.001) {
                    t.add(v);
                }
            }
        }
        double[] r = new double[t.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = t.get(i);
        }
        return r;
    }

    /** Tick label: integers plainly, else up to 3 significant digits. */
    static String label(double v) {
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        String s = String.format(java.util.Locale.ROOT, "%.3g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
