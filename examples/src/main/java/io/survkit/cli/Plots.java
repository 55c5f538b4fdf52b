package io.survkit.cli;

import io.survkit.data.ModelFrame;
import io.survkit.estimate.KaplanMeierResult;
import io.survkit.plot.KaplanMeierPlots;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes figures requested on the command line. */
final class Plots {
    private Plots() {
    }

    static void writeKaplanMeier(KaplanMeierResult fit, ModelFrame data, String file) {
        String svg = KaplanMeierPlots.render(fit, data.timeColumn());
        try {
            Files.writeString(Path.of(file), svg, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write --svg " + file + ": " + e.getMessage(), e);
        }
    }
}
