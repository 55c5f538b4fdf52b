package io.survkit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.data.CountTable;
import io.survkit.regression.CoxRegression;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Bad columns and values on Spark: core's messages (column, 1-based row, value); missing rows counted. */
class SparkErrorsTest {

    private static Dataset<Row> frame(Object[]... rows) {
        StructType schema = new StructType().add("time", DataTypes.StringType).add("status", DataTypes.IntegerType)
                .add("w", DataTypes.DoubleType).add("x", DataTypes.StringType);
        List<Row> list = new java.util.ArrayList<>();
        for (Object[] r : rows) {
            list.add(RowFactory.create(r));
        }
        return SparkTests.spark().createDataFrame(list, schema).repartition(1);
    }

    private static String fail(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void unknownColumnListsTheColumns() {
        String m = fail(() -> SparkSurvival.of(frame(new Object[] {"1", 1, 1.0, "a"})).time("months")
                .event("status", "1").counts());
        assertTrue(m.startsWith("unknown column 'months'; the data have [time, status, w, x]"), m);
    }

    @Test
    void negativeTimeNamesColumnRowAndValue() {
        String m = fail(() -> SparkSurvival.of(frame(new Object[] {"1", 1, 1.0, "a"}, new Object[] {"-2", 0, 1.0, "b"}))
                .time("time").event("status", "1").counts());
        assertEquals("column 'time', row 2 (file line 3): time -2 is invalid; expected a finite time >= 0", m);
    }

    @Test
    void textTimeIsNotANumber() {
        String m = fail(() -> SparkSurvival.of(frame(new Object[] {"soon", 1, 1.0, "a"})).time("time")
                .event("status", "1").counts());
        assertEquals("column 'time', row 1 (file line 2): value 'soon' is not a number; expected a finite time >= 0", m);
    }

    @Test
    void negativeWeight() {
        String m = fail(() -> SparkSurvival.of(frame(new Object[] {"1", 1, 1.0, "a"}, new Object[] {"2", 1, -1.0, "a"}))
                .time("time").event("status", "1").weights("w").counts());
        assertEquals("column 'w', row 2 (file line 3): weight -1 is invalid; expected a finite case weight >= 0", m);
    }

    @Test
    void coxCovariateNotANumber() {
        String m = fail(() -> SparkSurvival.of(frame(new Object[] {"1", 1, 1.0, "3"}, new Object[] {"2", 1, 1.0, "b"}))
                .time("time").event("status", "1").cox(CoxRegression.withDefaults(), "x"));
        assertEquals("column 'x', row 2 (file line 3): value 'b' is not a number; expected a finite number", m);
    }

    @Test
    void missingValuesAreOmittedAndCounted() {
        CountTable t = SparkSurvival.of(frame(new Object[] {"1", 1, 1.0, "a"}, new Object[] {"NA", 1, 1.0, "a"},
                new Object[] {"3", null, 1.0, "a"}, new Object[] {"4", 0, 1.0, "a"})).time("time").event("status", "1")
                .counts();
        assertEquals(2, t.omittedRows());
        assertEquals(2, t.size());
    }

    @Test
    void timeResolutionRoundsToTheGrid() {
        CountTable t = SparkSurvival.of(frame(new Object[] {"1.2", 1, 1.0, "a"}, new Object[] {"0.9", 1, 1.0, "a"},
                new Object[] {"2.6", 0, 1.0, "a"})).time("time").event("status", "1").timeResolution(1).counts();
        assertEquals(2, t.size());
        assertEquals(1.0, t.time(0));
        assertEquals(2.0, t.events(0));
        assertEquals(3.0, t.time(1));
    }
}
