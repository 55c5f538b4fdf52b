package io.survkit.data;

import io.survkit.internal.Check;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The right-hand side of a model formula, chosen per analysis: a subset of R's formula language,
 * parsed from text or built from typed {@link Term}s. Terms are kept in R's order
 * ({@code terms.formula}): main effects in the order written, then two-way interactions, and so
 * on; a term written twice counts once.
 *
 * <table>
 * <caption>Formula syntax</caption>
 * <tr><th>written</th><th>term</th></tr>
 * <tr><td>{@code age}</td><td>the column as it is: numbers one model column, text a factor</td></tr>
 * <tr><td>{@code factor(celltype)}, {@code factor(celltype, ref = squamous)}</td><td>a factor; levels
 * in R's order (reference first, then ascending: numeric order for numbers, byte order for text)</td></tr>
 * <tr><td>{@code ns(age, df = 3)}</td><td>a natural cubic spline with 3 model columns (R's {@code splines::ns})</td></tr>
 * <tr><td>{@code tt(age)}</td><td>a time-transformed covariate f(age, t), f chosen at fit time (R {@code coxph(tt = )})</td></tr>
 * <tr><td>{@code pspline(age, df = 4)}</td><td>a penalized spline (Cox models, R's {@code survival::pspline})</td></tr>
 * <tr><td>{@code frailty(id)}</td><td>a shared gamma frailty per id (Cox models, R's {@code frailty.gamma})</td></tr>
 * <tr><td>{@code strata(inst)}, {@code strata(a, b)}</td><td>strata</td></tr>
 * <tr><td>{@code cluster(id)}</td><td>clusters of the robust variance</td></tr>
 * <tr><td>{@code a:b}</td><td>interaction</td></tr>
 * <tr><td>{@code a*b}</td><td>{@code a + b + a:b}</td></tr>
 * <tr><td>{@code `a column`}</td><td>a column name that is not an R name</td></tr>
 * <tr><td>{@code 1} or nothing</td><td>no terms (one curve, no covariates)</td></tr>
 * </table>
 *
 * <pre>{@code
 * Terms t = Terms.parse("age + sex + factor(celltype, ref = squamous) + strata(inst)");
 * Terms same = Terms.of(Terms.numeric("age"), Terms.numeric("sex"),
 *         Terms.factor("celltype", "squamous"), Terms.strata("inst"));
 * }</pre>
 */
public final class Terms {
    private static final Terms NONE = new Terms(List.of());
    private final List<Term> terms;

    private Terms(List<Term> terms) {
        this.terms = List.copyOf(terms);
    }

    /** @return no terms: one curve, one group, no covariates (R {@code ~ 1}) */
    public static Terms none() {
        return NONE;
    }

    /**
     * Typed terms, in R's order (main effects first, then interactions by degree).
     *
     * @param terms the terms
     * @return the terms
     */
    public static Terms of(Term... terms) {
        Check.notNull("terms", terms);
        List<Term> l = new ArrayList<>();
        for (Term t : terms) {
            l.add(Check.notNull("term", t));
        }
        return ordered(l);
    }

    /**
     * Parses a formula's right-hand side.
     *
     * @param formula e.g. {@code "age + sex + factor(celltype, ref = squamous) + strata(inst)"}
     * @return the terms
     * @throws IllegalArgumentException naming the position, the token found and what was expected
     */
    public static Terms parse(String formula) {
        return ordered(new Parser(Check.notNull("formula", formula)).formula());
    }

    /**
     * @param column a numeric column
     * @param df degrees of freedom, at least 1
     * @return R's {@code ns(column, df = df)}
     */
    public static Term spline(String column, int df) {
        return new Term.Spline(Check.notNull("column", column), df);
    }

    /**
     * @param column a numeric column
     * @return R's {@code tt(column)}: the column transformed by a function of time chosen at fit time
     */
    public static Term timeTransformed(String column) {
        return new Term.TimeTransformed(Check.notNull("column", column));
    }

    /**
     * @param column a numeric column
     * @param df target degrees of freedom, above 1
     * @return R's {@code pspline(column, df = df)} (Cox models)
     */
    public static Term penalizedSpline(String column, double df) {
        return new Term.PenalizedSpline(Check.notNull("column", column), df);
    }

    /**
     * @param column the cluster column
     * @return R's {@code frailty(column)}: a shared gamma frailty (Cox models)
     */
    public static Term frailty(String column) {
        return new Term.Frailty(Check.notNull("column", column));
    }

    /**
     * @param column a numeric column
     * @return the numeric term
     */
    public static Term numeric(String column) {
        return new Term.Numeric(Check.notNull("column", column));
    }

    /**
     * @param column a column taken as it is (numbers numeric, text a factor)
     * @return the term
     */
    public static Term variable(String column) {
        return new Term.Variable(Check.notNull("column", column));
    }

    /**
     * @param column a column used as a factor with R's default reference (the first level)
     * @return the factor term
     */
    public static Term factor(String column) {
        return new Term.Categorical(Check.notNull("column", column), Optional.empty());
    }

    /**
     * @param column a column used as a factor
     * @param reference its reference level
     * @return the factor term
     */
    public static Term factor(String column, String reference) {
        return new Term.Categorical(Check.notNull("column", column),
                Optional.of(Check.notNull("reference level", reference)));
    }

    /**
     * @param columns one or more strata columns
     * @return the strata term
     */
    public static Term strata(String... columns) {
        if (columns == null || columns.length == 0) {
            throw Check.fail("strata() needs at least one column");
        }
        return new Term.Strata(List.of(columns));
    }

    /**
     * R's {@code offset(column)}: a term with coefficient fixed at 1.
     *
     * @param column the offset column
     * @return the offset term
     */
    public static Term offset(String column) {
        return new Term.Offset(Check.notNull("column", column));
    }

    /**
     * @param column the cluster column
     * @return the cluster term
     */
    public static Term cluster(String column) {
        return new Term.Cluster(Check.notNull("column", column));
    }

    /**
     * An interaction; a strata part gives a coefficient per stratum as R's {@code x:strata(s)}
     * (and stratifies the model by s).
     *
     * @param parts two or more variable, numeric, factor or strata terms
     * @return their interaction
     */
    public static Term interaction(Term... parts) {
        if (parts == null || parts.length < 2) {
            throw Check.fail("an interaction needs at least two terms");
        }
        for (Term p : parts) {
            if (!(p instanceof Term.Variable || p instanceof Term.Numeric || p instanceof Term.Categorical
                    || p instanceof Term.Strata)) {
                throw Check.fail("an interaction takes columns, factors and strata, not %s", p.formula());
            }
        }
        return new Term.Interaction(List.of(parts));
    }

    /** @return the terms, in R's order */
    public List<Term> terms() {
        return terms;
    }

    /** @return true without terms */
    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** @return every column the terms read, each once, in order */
    public List<String> columns() {
        Set<String> s = new LinkedHashSet<>();
        for (Term t : terms) {
            s.addAll(t.columns());
        }
        return List.copyOf(s);
    }

    /**
     * @param more further terms
     * @return these terms followed by {@code more}, in R's order
     */
    public Terms plus(Term... more) {
        List<Term> l = new ArrayList<>(terms);
        for (Term t : more) {
            l.add(Check.notNull("term", t));
        }
        return ordered(l);
    }

    /** @return the formula as R writes it, e.g. {@code age + factor(celltype, ref = squamous) + strata(inst)} */
    public String formula() {
        if (terms.isEmpty()) {
            return "1";
        }
        StringBuilder sb = new StringBuilder();
        for (Term t : terms) {
            sb.append(sb.length() > 0 ? " + " : "").append(t.formula());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return formula();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Terms t && t.terms.equals(terms);
    }

    @Override
    public int hashCode() {
        return terms.hashCode();
    }

    static String quote(String column) {
        return column.matches("[A-Za-z.][A-Za-z0-9._]*") ? column : "`" + column + "`";
    }

    private static int degree(Term t) {
        return t instanceof Term.Interaction i ? i.parts().size() : 1;
    }

    /** R's order: by degree, then as written; duplicates (same columns in any order) once. */
    private static Terms ordered(List<Term> in) {
        int max = 1;
        for (Term t : in) {
            max = Math.max(max, degree(t));
        }
        List<Term> out = new ArrayList<>();
        Set<Object> seen = new java.util.HashSet<>();
        for (int d = 1; d <= max; d++) {
            for (Term t : in) {
                if (degree(t) == d && seen.add(key(t))) {
                    out.add(t);
                }
            }
        }
        return out.isEmpty() ? NONE : new Terms(out);
    }

    private static Object key(Term t) {
        if (t instanceof Term.Interaction i) {
            Set<Object> parts = new java.util.HashSet<>();
            for (Term p : i.parts()) {
                parts.add(key(p));
            }
            return parts;
        }
        return t;
    }

    /** Recursive descent over the formula subset; positions in messages are 1-based. */
    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        List<Term> formula() {
            skip();
            List<Term> out = new ArrayList<>();
            if (pos == text.length()) {
                return out;
            }
            if (peek() == '~') {
                pos++;
                skip();
            }
            if (text.substring(pos).strip().equals("1")) {
                return out;
            }
            if (text.substring(pos).matches("1\\s*\\+[\\s\\S]*")) {
                pos = text.indexOf('+', pos) + 1; // R's explicit intercept: ~ 1 + offset(x)
            }
            out.addAll(product());
            while (true) {
                skip();
                if (pos == text.length()) {
                    return out;
                }
                expect('+', "'+', '*', ':' or the end of the formula");
                out.addAll(product());
            }
        }

        /** {@code a}, {@code a:b}, {@code a*b} (= a + b + a:b); {@code a*b*c} expands to every subset. */
        private List<Term> product() {
            List<List<Term>> factors = new ArrayList<>(); // factors of '*', each a ':' chain
            factors.add(colonChain());
            while (true) {
                skip();
                if (pos < text.length() && peek() == '*') {
                    pos++;
                    factors.add(colonChain());
                } else {
                    break;
                }
            }
            List<Term> out = new ArrayList<>();
            int k = factors.size();
            for (int mask = 1; mask < (1 << k); mask++) {
                List<Term> parts = new ArrayList<>();
                for (int j = 0; j < k; j++) {
                    if ((mask & (1 << j)) != 0) {
                        parts.addAll(factors.get(j));
                    }
                }
                out.add(parts.size() == 1 ? parts.get(0) : interaction(parts));
            }
            return out;
        }

        private Term interaction(List<Term> parts) {
            for (Term p : parts) {
                if (p instanceof Term.Cluster || p instanceof Term.Offset || p instanceof Term.TimeTransformed
                        || p instanceof Term.PenalizedSpline || p instanceof Term.Frailty) {
                    throw fail("an interaction of columns and factors (" + p.formula() + " cannot be part of one)");
                }
            }
            return new Term.Interaction(parts);
        }

        private List<Term> colonChain() {
            List<Term> parts = new ArrayList<>();
            parts.add(primary());
            while (true) {
                skip();
                if (pos < text.length() && peek() == ':') {
                    pos++;
                    parts.add(primary());
                } else {
                    break;
                }
            }
            return parts.size() == 1 ? parts : List.of(interaction(parts));
        }

        private static final String FUNCTIONS = "a column name, factor(...), ns(...), tt(...), pspline(...),"
                + " frailty(...), strata(...), cluster(...) or offset(...)";

        private Term primary() {
            skip();
            int at = pos;
            String name = name(FUNCTIONS);
            skip();
            if (pos < text.length() && peek() == '(' && !text.startsWith("`", at)) {
                pos++;
                Term t = switch (name) {
                    case "factor", "as.factor" -> factorArgs();
                    case "strata" -> strataArgs();
                    case "cluster" -> new Term.Cluster(name("a column name"));
                    case "offset" -> new Term.Offset(name("a column name"));
                    case "ns" -> splineArgs();
                    case "tt" -> new Term.TimeTransformed(name("a column name"));
                    case "pspline" -> psplineArgs();
                    case "frailty", "frailty.gamma" -> new Term.Frailty(name("a column name"));
                    default -> {
                        pos = at;
                        throw fail(FUNCTIONS + " (unknown function '"
                                + name + "')");
                    }
                };
                skip();
                expect(')', "')'");
                return t;
            }
            return new Term.Variable(name);
        }

        private Term factorArgs() {
            String column = name("a column name");
            skip();
            if (pos < text.length() && peek() == ',') {
                pos++;
                skip();
                int at = pos;
                String key = name("'ref ='");
                if (!key.equals("ref")) {
                    pos = at;
                    throw fail("'ref =' (factor takes a column and a reference level)");
                }
                skip();
                expect('=', "'='");
                skip();
                return new Term.Categorical(column, Optional.of(value()));
            }
            return new Term.Categorical(column, Optional.empty());
        }

        /** {@code ns(column, df = k)} or {@code ns(column, k)}. */
        private Term splineArgs() {
            String column = name("a column name");
            skip();
            expect(',', "',' and the degrees of freedom (ns takes a column and df = k)");
            int[] at = new int[1];
            String v = dfValue("ns", at);
            try {
                int df = Integer.parseInt(v.strip());
                if (df >= 1) {
                    return new Term.Spline(column, df);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            pos = at[0];
            throw fail("a whole number of degrees of freedom, at least 1 (found '" + v + "')");
        }

        /** {@code pspline(column)}, {@code pspline(column, df = k)} or {@code pspline(column, k)}; R's default df = 4. */
        private Term psplineArgs() {
            String column = name("a column name");
            skip();
            if (pos >= text.length() || peek() != ',') {
                return new Term.PenalizedSpline(column, 4);
            }
            pos++;
            int[] at = new int[1];
            String v = dfValue("pspline", at);
            try {
                double df = Double.parseDouble(v.strip());
                if (df > 1 && Double.isFinite(df)) {
                    return new Term.PenalizedSpline(column, df);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            pos = at[0];
            throw fail("degrees of freedom above 1 (found '" + v + "')");
        }

        /** After the comma: {@code df = v} or {@code v}; returns v, its position in {@code at[0]}. */
        private String dfValue(String function, int[] at) {
            skip();
            at[0] = pos;
            if (pos < text.length() && Character.isLetter(peek())) {
                String key = name("'df ='");
                if (!key.equals("df")) {
                    pos = at[0];
                    throw fail("'df =' (" + function + " takes a column and its degrees of freedom)");
                }
                skip();
                expect('=', "'='");
                skip();
                at[0] = pos;
            }
            return value();
        }

        private Term strataArgs() {
            List<String> cols = new ArrayList<>();
            cols.add(name("a column name"));
            while (true) {
                skip();
                if (pos < text.length() && peek() == ',') {
                    pos++;
                    cols.add(name("a column name"));
                } else {
                    return new Term.Strata(cols);
                }
            }
        }

        /** A level: a name, a number or a quoted string. */
        private String value() {
            if (pos < text.length() && (peek() == '"' || peek() == '\'')) {
                char q = peek();
                int end = text.indexOf(q, pos + 1);
                if (end < 0) {
                    throw fail("a closing " + q);
                }
                String v = text.substring(pos + 1, end);
                pos = end + 1;
                return v;
            }
            int start = pos;
            while (pos < text.length() && !isDelimiter(peek())) {
                pos++;
            }
            if (start == pos) {
                throw fail("a reference level");
            }
            return text.substring(start, pos).strip();
        }

        private static boolean isDelimiter(char c) {
            return c == ')' || c == ',' || Character.isWhitespace(c);
        }

        private String name(String expected) {
            skip();
            if (pos < text.length() && peek() == '`') {
                int end = text.indexOf('`', pos + 1);
                if (end < 0) {
                    throw fail("a closing `");
                }
                String n = text.substring(pos + 1, end);
                pos = end + 1;
                return n;
            }
            int start = pos;
            if (pos < text.length() && (Character.isLetter(peek()) || peek() == '.')) {
                pos++;
                while (pos < text.length() && (Character.isLetterOrDigit(peek()) || peek() == '.' || peek() == '_')) {
                    pos++;
                }
            }
            if (start == pos) {
                throw fail(expected);
            }
            return text.substring(start, pos);
        }

        private void expect(char c, String expected) {
            if (pos >= text.length() || peek() != c) {
                throw fail(expected);
            }
            pos++;
        }

        private char peek() {
            return text.charAt(pos);
        }

        private void skip() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private IllegalArgumentException fail(String expected) {
            String found = pos >= text.length() ? "the end of the formula" : "'" + token() + "'";
            return Check.fail("formula '%s': at position %d found %s; expected %s", text, pos + 1, found, expected);
        }

        private String token() {
            int end = pos + 1;
            if (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.') {
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '.'
                        || text.charAt(end) == '_')) {
                    end++;
                }
            }
            return text.substring(pos, end);
        }
    }
}
