package io.survkit.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickStartTest {
    @Test
    void runsOnTheBundledLungData(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        Path svg = dir.resolve("km.svg");
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            QuickStart.main(new String[] {Path.of("..", "examples", "data", "lung.csv").toString(), svg.toString()});
        } finally {
            System.setOut(saved);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        // ph.ecog is missing for one patient: only the Cox model, which uses it, drops that row (as R);
        // Kaplan-Meier and the log-rank test by sex keep all 228 rows
        assertTrue(printed.contains("1 observation deleted due to missingness"), printed);
        assertTrue(printed.contains("sex=1 138"), printed);
        assertTrue(printed.contains("Chisq= 10.3  on 1 degrees of freedom, p= 0.001"), printed);
        assertTrue(printed.contains("GLOBAL"), printed);
        assertTrue(Files.readString(svg).contains("data-group=\"2\""), "the legend names the level (survminer)");
    }
}
