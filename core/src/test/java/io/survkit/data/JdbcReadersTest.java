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
import io.survkit.estimate.Variance;
import io.survkit.oracle.Oracle;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
    static void start() throws SQLException {
        db = DriverManager.getConnection("jdbc:h2:mem:survkit_jdbc_test;DB_CLOSE_DELAY=-1");
        try (Statement st = db.createStatement()) {
            String csv = Oracle.data("veteran").toAbsolutePath().toString().replace("'", "''");
            st.execute("CREATE TABLE vet (trt INT, celltype VARCHAR(20), time DOUBLE, status INT, karno INT, "
                    + "diagtime INT, age INT, prior INT, w DOUBLE) AS SELECT CAST(trt AS INT), celltype, "
                    + "CAST(time AS DOUBLE), CAST(status AS INT), CAST(karno AS INT), CAST(diagtime AS INT), "
                    + "CAST(age AS INT), CAST(prior AS INT), CAST(karno AS DOUBLE) / 10 FROM CSVREAD('" + csv + "')");
            st.execute("CREATE TABLE holes AS SELECT * FROM vet");
            st.execute("UPDATE holes SET time = NULL WHERE karno = 60");
            st.execute("UPDATE holes SET celltype = NULL WHERE age = 64");
        }
    }

    @AfterAll
    static void stop() throws SQLException {
        db.close();
    }

    private static SurvivalData csvRows(String group) {
        return SurvivalData.csv(Oracle.data("veteran")).time("time").event("status", "1").group(group)
                .numeric("karno").read();
    }

    @Test
    void queryReaderGivesTheCsvRows() {
        SurvivalData fromCsv = csvRows("celltype");
        SurvivalData fromDb = SurvivalData.jdbc(db, "SELECT * FROM vet").time("time").event("status", "1")
                .group("celltype").numeric("karno").read();
        assertArrayEquals(fromCsv.times(), fromDb.times());
        assertArrayEquals(fromCsv.statuses(), fromDb.statuses());
        assertEquals(fromCsv.group().levels(), fromDb.group().levels());
        assertArrayEquals(fromCsv.group().codes(), fromDb.group().codes());
        assertArrayEquals(fromCsv.covariate("karno").values(), fromDb.covariate("karno").values());
    }

    @Test
    void sqlNullIsMissingAndCounted() {
        SurvivalData d = SurvivalData.jdbc(db, "SELECT * FROM holes").time("time").event("status", "1")
                .group("celltype").read();
        int nullTime = count("SELECT COUNT(*) FROM holes WHERE time IS NULL OR celltype IS NULL");
        assertTrue(nullTime > 0);
        assertEquals(137 - nullTime, d.size());
        assertEquals(nullTime, d.omittedRows());
    }

    @Test
    void badValueNamesColumnAndRowWithoutAFileLine() {
        String m = assertThrows(IllegalArgumentException.class, () -> SurvivalData.jdbc(db,
                "SELECT -time AS t, status FROM vet ORDER BY time").time("t").event("status", "1").read())
                .getMessage();
        assertTrue(m.contains("column 't', row 1:") && m.contains("-1") && !m.contains("file line"), m);
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
        SurvivalData rows = csvRows("celltype");
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
        SurvivalData rows = SurvivalData.jdbc(db, "SELECT * FROM vet WHERE prior = 0").time("time")
                .event("status", "1").group("celltype").strata("trt").weights("w").read();
        assertTrue(cells.weighted());
        sameTest(LogRankTest.withDefaults().test(rows), LogRankTest.withDefaults().test(cells));
        CountTable unstratified = CountTable.jdbc(db, "SELECT * FROM vet WHERE prior = 0", "time", "status", "trt",
                null, "w");
        SurvivalData byTrt = SurvivalData.jdbc(db, "SELECT * FROM vet WHERE prior = 0").time("time")
                .event("status", "1").group("trt").weights("w").read();
        // Weighted rows: R's survfit default is then the robust (IJ) variance, which counts cannot give; the
        // counts equal the rows under Greenwood's variance (the documented contract of fit(CountTable)).
        KaplanMeier greenwood = KaplanMeier.withDefaults().withVariance(Variance.GREENWOOD);
        sameCurves(greenwood.fit(byTrt), greenwood.fit(unstratified));
    }

    @Test
    void nullRowsAreOmittedInsideTheSameQuery() {
        CountTable cells = CountTable.jdbc(db, "holes").time("time").event("status", "1").group("celltype").read();
        SurvivalData rows = SurvivalData.jdbc(db, "SELECT * FROM holes").time("time").event("status", "1")
                .group("celltype").read();
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
