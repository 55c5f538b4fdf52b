package io.survkit.data;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reports the progress of a long read through SLF4J at INFO, every few seconds. */
final class Progress {
    private static final Logger LOG = LoggerFactory.getLogger(CsvSurvivalReader.class);
    private static final long EVERY_NANOS = 5_000_000_000L;
    private final Path file;
    private final long started = System.nanoTime();
    private long next = started + EVERY_NANOS;

    Progress(Path file) {
        this.file = file;
    }

    void row(int row) {
        if ((row & 0xffff) == 0) {
            long now = System.nanoTime();
            if (now >= next) {
                next = now + EVERY_NANOS;
                LOG.info("reading {}: {} rows in {} s", file.getFileName(), row, (now - started) / 1_000_000_000L);
            }
        }
    }

    void done(int rows) {
        long ms = (System.nanoTime() - started) / 1_000_000L;
        if (ms >= 5000) {
            LOG.info("read {}: {} rows in {} ms", file.getFileName(), rows, ms);
        }
    }
}
