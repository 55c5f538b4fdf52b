package io.survkit.parametric;

import io.survkit.data.Covariate;
import io.survkit.internal.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A new subject's model-matrix row from named covariate values (a number, or a factor level label). */
final class Covariates {
    private Covariates() {
    }

    static double[] row(List<Covariate> covariates, int nvar, Map<String, ?> values) {
        Check.notNull("covariate values", values);
        List<String> names = new ArrayList<>();
        for (Covariate c : covariates) {
            names.add(c.name());
        }
        for (String k : values.keySet()) {
            if (!names.contains(k)) {
                throw Check.fail("new data: '%s' is not a covariate of the model; the covariates are %s", k, names);
            }
        }
        double[] x = new double[nvar];
        x[0] = 1;
        int col = 1;
        for (Covariate c : covariates) {
            Object v = values.get(c.name());
            if (v == null) {
                throw Check.fail("new data: no value for covariate '%s'; give every covariate of the model %s",
                        c.name(), names);
            }
            if (c.isFactor()) {
                int code = c.factor().indexOf(v.toString());
                if (code < 0) {
                    throw Check.fail("new data: covariate '%s' has no level '%s'; its levels are %s", c.name(), v,
                            c.factor().levels());
                }
                for (int j = 0; j < c.columnCount(); j++) {
                    x[col + j] = code == j + 1 ? 1 : 0;
                }
            } else {
                x[col] = number(c.name(), v);
            }
            col += c.columnCount();
        }
        return x;
    }

    private static double number(String name, Object v) {
        double d;
        if (v instanceof Number) {
            d = ((Number) v).doubleValue();
        } else {
            try {
                d = Double.parseDouble(v.toString().trim());
            } catch (NumberFormatException e) {
                throw Check.fail("new data: covariate '%s' is numeric; '%s' is not a number", name, v);
            }
        }
        if (!Double.isFinite(d)) {
            throw Check.fail("new data: covariate '%s' value %s is not finite", name, d);
        }
        return d;
    }
}
