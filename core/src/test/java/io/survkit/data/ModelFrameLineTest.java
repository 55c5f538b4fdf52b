package io.survkit.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: errors raised after the read (model frame, factor levels, case weights of a frame) name
 * the true file line of the row, after blank lines and line breaks inside quoted fields (they said
 * row + 1: "row 3 (file line 4)" for a value on line 6).
 */
class ModelFrameLineTest {
    @TempDir
    Path dir;

    /** Line 1 header, 2 row 1, 3 blank, 4-5 row 2 (a quoted line break), 6 row 3, 7 blank, 8 row 4. */
    private SurvivalData read() throws IOException {
        Path f = dir.resolve("lines.csv");
        Files.writeString(f, "time,status,x,g,note\n1,1,0.5,a,\"x\"\n\n2,0,1.5,b,\"two\nlines\"\n3,1,1e999,a,\"y\"\n\n"
                + "4,1,2.5,c,\"z\"\n", StandardCharsets.UTF_8);
        return SurvivalData.csv(f).time("time").event("status", "1").read();
    }

    @Test
    void aNonFiniteCovariateNamesItsFileLine() throws IOException {
        SurvivalData d = read();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFrame.of(d, "x"));
        assertTrue(e.getMessage().contains("column 'x', row 3 (file line 6)"), e.getMessage());
    }

    @Test
    void aBadWeightAddedAfterTheReadNamesItsFileLine() throws IOException {
        SurvivalData d = read();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.withWeights("w", new double[] {1, 1, 1, -1}));
        assertTrue(e.getMessage().contains("column 'w', row 4 (file line 8)"), e.getMessage());
    }

    @Test
    void rowLocationOfAFrameRowIsItsFileLine() throws IOException {
        ModelFrame f = ModelFrame.of(read(), "g");
        assertTrue(f.rowLocation("g", 1).equals("column 'g', row 2 (file line 4)"), f.rowLocation("g", 1));
        assertTrue(f.rowLocation("g", 3).equals("column 'g', row 4 (file line 8)"), f.rowLocation("g", 3));
    }
}
