package io.survkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.survkit.compare.LogRankResult;
import io.survkit.compare.LogRankTest;
import io.survkit.estimate.KaplanMeier;
import io.survkit.estimate.KaplanMeierResult;
import io.survkit.estimate.SurvivalCurve;
import io.survkit.estimate.KaplanMeierVariance;
import io.survkit.oracle.Oracle;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JDBC readers against a real SQL engine (H2, in memory, started here) holding R's
 * {@code veteran} data: the query reader gives the rows the CSV reader gives, and the pushed-down
 * count table gives exactly the Kaplan-Meier curves and log-rank tests of those subject rows (which
 * the oracle tests compare with R's {@code survfit} and {@code survdiff}).
 */
class JdbcReadersTest {
    private static Connection db;

    @BeforeAll
    static void start() throws SQLException, java.io.IOException {
        db = DriverManager.getConnection("jdbc:h2:mem:survkit_jdbc_test;DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE");
        try (Statement st = db.createStatement()) {
            st.execute("CREATE TABLE vet (trt INT, celltype VARCHAR(20), time DOUBLE, status INT, karno INT, "
                    + "diagtime INT, age INT, prior INT, w DOUBLE)");
            try (var insert = db.prepareStatement("INSERT INTO vet VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                List<String> lines = java.nio.file.Files.readAllLines(Oracle.data("veteran"));
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.split(",");
                    insert.setInt(1, Integer.parseInt(f[0]));
                    insert.setString(2, f[1].replace("\"", ""));
                    insert.setDouble(3, Double.parseDouble(f[2]));
                    for (int k = 3; k < 8; k++) {
                        insert.setInt(k + 1, Integer.parseInt(f[k]));
                    }
                    insert.setDouble(9, Integer.parseInt(f[4]) / 10.0);
                    insert.executeUpdate();
                }
            }
            st.execute("CREATE TABLE holes AS SELECT * FROM vet");
            st.execute("UPDATE holes SET time = NULL WHERE karno = 60");
            st.execute("UPDATE holes SET celltype = NULL WHERE age = 64");
        }
    }

    @AfterAll
    static void stop() throws SQLException {
        db.close();
    }

    private static ModelFrame csvRows(String group) {
        return ModelFrame.of(SurvivalData.csv(Oracle.data("veteran")).time("time").event("status", "1").read(),
                group);
    }

    @Test
    void queryReaderGivesTheCsvRows() {
        ModelFrame fromCsv = csvRows("celltype");
        SurvivalData db0 = SurvivalData.jdbc(db, "SELECT * FROM vet").time("time").event("status", "1").read();
        ModelFrame fromDb = ModelFrame.of(db0, "celltype");
        assertArrayEquals(fromCsv.times(), fromDb.times());
        assertArrayEquals(fromCsv.statuses(), fromDb.statuses());
        assertEquals(fromCsv.groups().orElseThrow().levels(), fromDb.groups().orElseThrow().levels());
        assertArrayEquals(fromCsv.groups().orElseThrow().codes(), fromDb.groups().orElseThrow().codes());
        assertArrayEquals(SurvivalData.csv(Oracle.data("veteran")).time("time").event("status", "1").read()
                .numbers("karno"), db0.numbers("karno"));
    }

    @Test
    void sqlNullIsMissingAndCounted() {
        ModelFrame d = ModelFrame.of(SurvivalData.jdbc(db, "SELECT * FROM holes").time("time")
                .event("status", "1").read(), "celltype");
        int nullTime = count("SELECT COUNT(*) FROM holes WHERE time IS NULL OR celltype IS NULL");
        assertTrue(nullTime > 0);
        assertEquals(137 - nullTime, d.rowCount());
        assertEquals(nullTime, d.omittedRows());
    }

    @Test
    void badValueNamesColumnAndRowWithoutAFileLine() {
        String m = assertThrows(IllegalArgumentException.class, () -> SurvivalData.jdbc(db,
                "SELECT -time AS t, status FROM vet ORDER BY time").time("t").event("status", "1").read())
                .getMessage();
        assertTrue(m.contains("column 't', row 1") && m.contains("-1"), m);
    }

    private static int count(String sql) {
        try (Statement st = db.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sameCurves(KaplanMeierResult rows, KaplanMeierResult cells) {
        assertEquals(rows.curveNames(), cells.curveNames());
        for (int k = 0; k < rows.curveCount(); k++) {
            SurvivalCurve a = rows.curve(k);
            SurvivalCurve b = cells.curve(k);
            assertArrayEquals(a.times(), b.times());
            assertArrayEquals(a.numberAtRisk(), b.numberAtRisk(), 1e-12);
            assertArrayEquals(a.numberOfEvents(), b.numberOfEvents(), 1e-12);
            assertArrayEquals(a.survival(), b.survival(), 1e-15);
            assertArrayEquals(a.standardError(), b.standardError(), 1e-15);
        }
    }

    private static void sameTest(LogRankResult rows, LogRankResult cells) {
        assertEquals(rows.groups(), cells.groups());
        assertArrayEquals(rows.observed(), cells.observed(), 1e-12);
        assertArrayEquals(rows.expected(), cells.expected(), 1e-12);
        assertEquals(rows.chiSquare(), cells.chiSquare(), 1e-12 * rows.chiSquare());
        assertEquals(rows.pValue(), cells.pValue(), 1e-12 * rows.pValue());
    }

    @Test
    void pushedDownCountsGiveTheSubjectRowsCurvesAndTest() {
        CountTable cells = CountTable.jdbc(db, "vet").time("time").event("status", "1").group("celltype").read();
        ModelFrame rows = ModelFrame.of(SurvivalData.csv(Oracle.data("veteran")).time("time").event("status", "1")
                .read(), "celltype");
        assertEquals(count("SELECT COUNT(*) FROM (SELECT DISTINCT celltype, time, status FROM vet) d"),
                count("SELECT COUNT(*) FROM (" + new JdbcCountQuery(db, "vet").time("time").event("status", "1")
                        .group("celltype").sql() + ") q"));
        sameCurves(KaplanMeier.withDefaults().fit(rows), KaplanMeier.withDefaults().fit(cells));
        sameTest(LogRankTest.withDefaults().test(rows), LogRankTest.withDefaults().test(cells));
    }

    @Test
    void strataWeightsAndAQueryAsSource() {
        CountTable cells = CountTable.jdbc(db, "SELECT * FROM vet WHERE prior = 0", "time", "status", "celltype",
                "trt", "w");
        ModelFrame rows = ModelFrame.of(SurvivalData.jdbc(db, "SELECT * FROM vet WHERE prior = 0").time("time")
                .event("status", "1").weights("w").read(), "celltype + strata(trt)");
        assertTrue(cells.weighted());
        // weighted rows get the robust score variance (LogRankTest), which counts cannot give; the pushed-down
        // counts equal the rows' own count table (weights as frequencies)
        sameTest(LogRankTest.withDefaults().test(CountTable.of(rows)), LogRankTest.withDefaults().test(cells));
        CountTable unstratified = CountTable.jdbc(db, "SELECT * FROM vet WHERE prior = 0", "time", "status", "trt",
                null, "w");
        ModelFrame byTrt = ModelFrame.of(SurvivalData.jdbc(db, "SELECT * FROM vet WHERE prior = 0").time("time")
                .event("status", "1").weights("w").read(), "trt");
        // Weighted rows: R's survfit default is then the robust (IJ) variance, which counts cannot give; the
        // counts equal the rows under Greenwood's variance (the documented contract of fit(CountTable)).
        KaplanMeier greenwood = KaplanMeier.withDefaults().withVariance(KaplanMeierVariance.GREENWOOD);
        sameCurves(greenwood.fit(byTrt), greenwood.fit(unstratified));
    }

    @Test
    void nullRowsAreOmittedInsideTheSameQuery() {
        CountTable cells = CountTable.jdbc(db, "holes").time("time").event("status", "1").group("celltype").read();
        ModelFrame rows = ModelFrame.of(SurvivalData.jdbc(db, "SELECT * FROM holes").time("time")
                .event("status", "1").read(), "celltype");
        assertEquals(rows.omittedRows(), cells.omittedRows());
        sameCurves(KaplanMeier.withDefaults().fit(rows), KaplanMeier.withDefaults().fit(cells));
    }

    @Test
    void columnNamesThatAreNotPlainIdentifiersAreRefused() {
        String m = assertThrows(IllegalArgumentException.class,
                () -> CountTable.jdbc(db, "vet").time("time; DROP TABLE vet")).getMessage();
        assertTrue(m.contains("not a plain SQL column name"), m);
    }
}
