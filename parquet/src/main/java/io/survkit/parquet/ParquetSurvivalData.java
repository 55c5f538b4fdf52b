package io.survkit.parquet;

import java.nio.file.Path;

/**
 * Entry point of {@code survkit-parquet}: {@link io.survkit.data.SurvivalData} from Parquet files,
 * with the same fluent column roles as {@code SurvivalData.csv(...)}.
 *
 * <pre>{@code
 * SurvivalData d = ParquetSurvivalData.read(Path.of("registry.parquet"))
 *         .time("months").event("dead", "1").columns("arm", "age")
 *         .read();
 * KaplanMeierResult km = KaplanMeier.withDefaults().fit(d, "arm");
 * }</pre>
 */
public final class ParquetSurvivalData {
    private ParquetSurvivalData() {
    }

    /**
     * A reader of {@code file}; name the roles, then call {@link ParquetSurvivalReader#read()}.
     *
     * @param file the Parquet file
     * @return the reader
     */
    public static ParquetSurvivalReader read(Path file) {
        return new ParquetSurvivalReader(file);
    }
}
