package io.survkit.parametric;

import io.survkit.data.ModelFrame;
import io.survkit.internal.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A new subject's model-matrix row (intercept first) from named values: a number for a numeric
 * term, a level label for a factor (R's {@code model.matrix} of {@code newdata}).
 */
final class Covariates {
    private Covariates() {
    }

    static double[] row(List<ModelFrame.TermSpan> spans, int nvar, Map<String, ?> values) {
        Check.notNull("covariate values", values);
        List<String> names = new ArrayList<>();
        for (ModelFrame.TermSpan t : spans) {
            names.add(t.name());
        }
        for (String k : values.keySet()) {
            if (!names.contains(k)) {
                throw Check.fail("new data: '%s' is not a term of the model; the terms are %s", k, names);
            }
        }
        double[] x = new double[nvar];
        x[0] = 1;
        for (ModelFrame.TermSpan t : spans) {
            if (t.name().contains(":")) {
                throw Check.fail("new data: the model has the interaction %s; predictions for new subjects take"
                        + " main effects only", t.name());
            }
            Object v = values.get(t.name());
            if (v == null) {
                throw Check.fail("new data: no value for '%s'; give every term of the model %s", t.name(), names);
            }
            int first = 1 + t.firstColumn();
            if (!t.levels().isEmpty()) {
                int code = t.levels().indexOf(v.toString());
                if (code < 0) {
                    throw Check.fail("new data: '%s' has no level '%s'; its levels are %s", t.name(), v, t.levels());
                }
                for (int j = 0; j < t.columnCount(); j++) {
                    x[first + j] = code == j + 1 ? 1 : 0;
                }
            } else {
                x[first] = number(t.name(), v);
            }
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
                throw Check.fail("new data: '%s' is numeric; '%s' is not a number", name, v);
            }
        }
        if (!Double.isFinite(d)) {
            throw Check.fail("new data: '%s' value %s is not finite", name, d);
        }
        return d;
    }
}
