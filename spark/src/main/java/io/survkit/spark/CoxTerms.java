package io.survkit.spark;

import io.survkit.internal.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The covariate terms of a Cox model on Spark, in the words of R's formula: a numeric column
 * ({@code age}) or a factor with dummies against a reference level ({@code factor(celltype)}, first
 * level; {@code factor(celltype, ref = squamous)}). Strata come from
 * {@link SparkSurvival#strata}; interactions are not offered.
 */
record CoxTerms(List<String> terms, List<String> numeric, List<String> factors, List<String> references) {
    private static final Pattern FACTOR = Pattern.compile(
            "factor\\(\\s*([^,()\\s]+)\\s*(?:,\\s*ref\\s*=\\s*\"?([^\")]+?)\"?\\s*)?\\)");

    static CoxTerms parse(List<String> specs) {
        if (specs.isEmpty()) {
            throw Check.fail("the model has no covariates; give at least one numeric or factor covariate");
        }
        List<String> terms = new ArrayList<>();
        List<String> numeric = new ArrayList<>();
        List<String> factors = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        for (String raw : specs) {
            for (String spec : Check.notNull("covariate", raw).split("\\+")) {
                String s = spec.strip();
                if (s.isEmpty()) {
                    throw Check.fail("empty term in covariates %s", specs);
                }
                if (s.contains(":") || s.contains("*")) {
                    throw Check.fail("term '%s': interactions are not offered on Spark; give main effects only", s);
                }
                Matcher m = FACTOR.matcher(s);
                if (m.matches()) {
                    terms.add(m.group(1));
                    factors.add(m.group(1));
                    refs.add(m.group(2) == null ? null : m.group(2).strip());
                } else if (s.matches("[^()\\s,]+")) {
                    terms.add(s);
                    numeric.add(s);
                } else {
                    throw Check.fail("term '%s' is not a column name or factor(column[, ref = level])", s);
                }
            }
        }
        return new CoxTerms(List.copyOf(terms), List.copyOf(numeric), List.copyOf(factors),
                java.util.Collections.unmodifiableList(refs));
    }
}
