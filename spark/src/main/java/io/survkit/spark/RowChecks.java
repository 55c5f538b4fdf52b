package io.survkit.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.survkit.internal.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import scala.Tuple2;

/**
 * Column expressions that read one row as core's {@code SurvivalData} builder does, evaluated on
 * the executors: missing values ({@code null}, NaN, empty or {@code NA} text) omit the row; a value
 * that is present but invalid (a time below 0 or not a number, an entry not before its exit, a
 * negative weight) is an error that names the column, the 1-based row and the value, with core's
 * wording. Each row gets a flag ({@link #OK}, {@link #MISSING} or the kind of error) so that the
 * counting pass finds omitted and invalid rows in the same scan; the row number of an invalid value
 * is looked up only when there is one.
 */
final class RowChecks {
    static final int OK = 0;
    static final int MISSING = 1;
    static final int BAD_TIME = 2;
    static final int BAD_START = 3;
    static final int START_NOT_BEFORE_STOP = 4;
    static final int BAD_WEIGHT = 5;
    /** A Cox model's weight 0 (core: weights must be > 0). */
    static final int WEIGHT_NOT_POSITIVE = 6;
    /** Numeric covariate k (0-based) not a finite number: {@code BAD_COVARIATE + k}. */
    static final int BAD_COVARIATE = 10;

    private final Dataset<Row> df;
    private final SparkSurvival roles;
    private final List<String> used;
    private final List<String> numeric;
    private final boolean positiveWeights;

    RowChecks(Dataset<Row> df, SparkSurvival roles) {
        this(df, roles, List.of(), List.of(), false);
    }

    /**
     * Checks of the roles' columns and of model columns: {@code numeric} covariates must be
     * finite numbers, {@code factors} only present; with {@code positiveWeights} a weight of 0 is
     * an error (a Cox model's rule).
     */
    RowChecks(Dataset<Row> df, SparkSurvival roles, List<String> numeric, List<String> factors,
            boolean positiveWeights) {
        this.df = df;
        this.roles = roles;
        List<String> u = new ArrayList<>(roles.usedColumns());
        for (String c : numeric) {
            if (!u.contains(c)) {
                u.add(c);
            }
        }
        for (String c : factors) {
            if (!u.contains(c)) {
                u.add(c);
            }
        }
        this.used = List.copyOf(u);
        this.numeric = List.copyOf(numeric);
        this.positiveWeights = positiveWeights;
        for (String c : used) {
            column(c);
        }
    }

    /** The column {@code name}; an error listing the data's columns when there is none. */
    Column column(String name) {
        if (!Arrays.asList(df.columns()).contains(name)) {
            throw Check.fail("unknown column '%s'; the data have %s", name, Arrays.toString(df.columns()));
        }
        return df.col("`" + name.replace("`", "``") + "`");
    }

    private DataType type(String name) {
        return df.schema().apply(name).dataType();
    }

    /** True when the raw value of {@code name} is missing (null, NaN, empty or NA text). */
    Column missing(String name) {
        Column c = column(name);
        DataType t = type(name);
        if (t instanceof StringType) {
            Column s = trim(c);
            return c.isNull().or(s.equalTo("")).or(s.equalTo("NA"));
        }
        if (t.equals(DataTypes.DoubleType) || t.equals(DataTypes.FloatType)) {
            return c.isNull().or(isnan(c));
        }
        return c.isNull();
    }

    /** The value of {@code name} as a double (null when text is not a number). */
    Column number(String name) {
        Column c = column(name);
        DataType t = type(name);
        if (t instanceof NumericType) {
            return c.cast(DataTypes.DoubleType);
        }
        return trim(c.cast(DataTypes.StringType)).try_cast(DataTypes.DoubleType);
    }

    /** A time on the resolution grid (R: {@code round(t / r) * r}, halves up), or the time itself. */
    Column time(String name) {
        Column t = number(name);
        double r = roles.resolution();
        return r > 0 ? floor(t.divide(r).plus(0.5)).multiply(r) : t;
    }

    /** True for a finite number >= 0 (false for null and NaN). */
    private static Column finiteNonNegative(Column v) {
        return coalesce(v.geq(0).and(v.lt(Double.POSITIVE_INFINITY)), lit(false));
    }

    /** The row flag: OK, MISSING, or the first invalid value's kind, in core's order of checks. */
    Column flag() {
        Column anyMissing = lit(false);
        for (String c : used) {
            anyMissing = anyMissing.or(missing(c));
        }
        Column f = when(anyMissing, MISSING).when(finiteNonNegative(time(roles.timeColumnOrNull())).unary_$bang(), BAD_TIME);
        if (roles.startColumnOrNull() != null) {
            Column st = time(roles.startColumnOrNull());
            f = f.when(finiteNonNegative(st).unary_$bang(), BAD_START)
                    .when(st.geq(time(roles.timeColumnOrNull())), START_NOT_BEFORE_STOP);
        }
        if (roles.weightsColumnOrNull() != null) {
            f = f.when(finiteNonNegative(number(roles.weightsColumnOrNull())).unary_$bang(), BAD_WEIGHT);
            if (positiveWeights) {
                f = f.when(number(roles.weightsColumnOrNull()).leq(0), WEIGHT_NOT_POSITIVE);
            }
        }
        for (int k = 0; k < numeric.size(); k++) {
            Column v = number(numeric.get(k));
            f = f.when(coalesce(v.gt(Double.NEGATIVE_INFINITY).and(v.lt(Double.POSITIVE_INFINITY)), lit(false))
                    .unary_$bang(), BAD_COVARIATE + k);
        }
        return f.otherwise(OK);
    }

    /** The case weight (1 without a weights column). */
    Column weight() {
        return roles.weightsColumnOrNull() == null ? lit(1.0) : number(roles.weightsColumnOrNull());
    }

    /**
     * True for an event: the event column equals one of the event values (as numbers when they are
     * numbers); with competing-risks causes, differs from the censoring value.
     */
    Column event() {
        String name = roles.eventColumnOrNull();
        Column raw = trim(column(name).cast(DataTypes.StringType));
        Column num = number(name);
        if (roles.censorValueOrNull() != null) {
            Double d = parse(roles.censorValueOrNull());
            return (d != null ? coalesce(num.equalTo(d), lit(false)) : coalesce(raw.equalTo(roles.censorValueOrNull()),
                    lit(false))).unary_$bang();
        }
        Column any = lit(false);
        for (String v : roles.eventValues()) {
            Double d = parse(v);
            any = any.or(d != null ? coalesce(num.equalTo(d), lit(false)) : coalesce(raw.equalTo(v.strip()), lit(false)));
        }
        return any;
    }

    /**
     * Throws core's message for the first row (in the data's order) whose flag is an error, if
     * there is one; a second pass over the data, taken only when the counting pass found errors.
     */
    void failOnFirstInvalid() {
        List<Column> cols = new ArrayList<>();
        cols.add(flag().as("flag"));
        cols.add(column(roles.timeColumnOrNull()).cast(DataTypes.StringType).as("t"));
        cols.add(roles.startColumnOrNull() == null ? lit(null).cast(DataTypes.StringType).as("s")
                : column(roles.startColumnOrNull()).cast(DataTypes.StringType).as("s"));
        cols.add(roles.weightsColumnOrNull() == null ? lit(null).cast(DataTypes.StringType).as("w")
                : column(roles.weightsColumnOrNull()).cast(DataTypes.StringType).as("w"));
        for (String c : numeric) {
            cols.add(column(c).cast(DataTypes.StringType));
        }
        Tuple2<Row, Long> first = df.select(cols.toArray(new Column[0])).javaRDD().zipWithIndex()
                .filter(r -> r._1().getInt(0) > MISSING).first();
        Row r = first._1();
        int row = Math.toIntExact(first._2() + 1);
        int flag = r.getInt(0);
        if (flag >= BAD_COVARIATE) {
            String v = r.getString(4 + flag - BAD_COVARIATE);
            String name = numeric.get(flag - BAD_COVARIATE);
            if (parse(v) == null) {
                throw Check.fail("%s: value '%s' is not a number; expected a finite number", Check.at(name, row), v);
            }
            throw Check.fail("%s: value %s is not finite; expected a finite number", Check.at(name, row),
                    parse(v));
        }
        switch (flag) {
            case BAD_TIME -> throw badTime(roles.timeColumnOrNull(), row, r.getString(1));
            case BAD_START -> throw badTime(roles.startColumnOrNull(), row, r.getString(2));
            case START_NOT_BEFORE_STOP -> throw Check.fail(
                    "%s: entry time %s is not before exit time %s (column '%s'); expected start < stop",
                    Check.at(roles.startColumnOrNull(), row), shown(r.getString(2)), shown(r.getString(1)),
                    roles.timeColumnOrNull());
            case WEIGHT_NOT_POSITIVE -> throw Check.fail("%s: case weight %s is invalid; a Cox model needs weights > 0",
                    Check.at(roles.weightsColumnOrNull(), row), shown(r.getString(3)));
            default -> throw Check.fail("%s: weight %s is invalid; expected a finite case weight >= 0",
                    Check.at(roles.weightsColumnOrNull(), row), shown(r.getString(3)));
        }
    }

    private static IllegalArgumentException badTime(String column, int row, String value) {
        if (parse(value) == null) {
            return Check.fail("%s: value '%s' is not a number; expected a finite time >= 0", Check.at(column, row),
                    value);
        }
        return Check.fail("%s: time %s is invalid; expected a finite time >= 0", Check.at(column, row), shown(value));
    }

    /** A number as core prints it in messages (integers without a decimal point). */
    private static String shown(String value) {
        Double d = parse(value);
        return d == null ? "'" + value + "'" : label(d);
    }

    /** Levels in core's order: numeric order when every label is a number, else code-point order. */
    static List<String> sortedLevels(java.util.Collection<String> labels) {
        java.util.TreeSet<String> distinct = new java.util.TreeSet<>(labels);
        List<String> lv = new ArrayList<>(distinct);
        for (String s : lv) {
            if (parse(s) == null) {
                return lv;
            }
        }
        lv.sort(java.util.Comparator.comparingDouble(RowChecks::parse));
        return lv;
    }

    /** A number as R prints a level: integers without a decimal point (core's rule). */
    static String label(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** The label of a raw grouping value collected from Spark: numbers as R prints them, text stripped. */
    static String label(Object raw) {
        if (raw instanceof Number n) {
            return label(n.doubleValue());
        }
        return String.valueOf(raw).strip();
    }

    /**
     * The event column's value as a grouping key of the aggregation (a number for a numeric
     * column, the stripped text otherwise); {@link #causeLabel} labels it on the driver.
     */
    Column causeKey() {
        String name = roles.eventColumnOrNull();
        return type(name) instanceof NumericType ? number(name) : trim(column(name).cast(DataTypes.StringType));
    }

    /** A cause's label as core's data model labels a value: numbers as R prints them, text stripped. */
    static String causeLabel(Object raw) {
        if (raw instanceof Number n) {
            return label(n.doubleValue());
        }
        Double d = parse(String.valueOf(raw));
        return d == null ? String.valueOf(raw).strip() : label(d);
    }

    /** Core's number parsing: a trimmed decimal, not Java's {@code 1d}. */
    static Double parse(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (t.isEmpty()) {
            return null;
        }
        char c = Character.toLowerCase(t.charAt(t.length() - 1));
        if (c == 'd' || c == 'f') {
            return null;
        }
        try {
            return Double.parseDouble(t.toLowerCase(Locale.ROOT).equals("nan") ? "NaN" : t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
