package io.survkit.data;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports the progress of a long read or computation through SLF4J at INFO, at most every five
 * seconds, so that a run of minutes says how far it is.
 *
 * <pre>{@code
 * Progress p = Progress.of(GrayTest.class, "Gray's test of 1000 groups", times);
 * for (int t = 0; t < times; t++) {
 *     p.step();   // logs "Gray's test of 1000 groups: 812 of 3000 steps (27 %), 5 s"
 *     ...
 * }
 * }</pre>
 */
public final class Progress {
    private static final long EVERY_NANOS = 5_000_000_000L;
    private final Logger log;
    private final Path file;
    private final String task;
    private final long total;
    private final long started = System.nanoTime();
    private long next = started + EVERY_NANOS;
    private long done;

    Progress(Path file) {
        this.log = LoggerFactory.getLogger(CsvSurvivalReader.class);
        this.file = file;
        this.task = null;
        this.total = 0;
    }

    private Progress(Class<?> owner, String task, long total) {
        this.log = LoggerFactory.getLogger(owner);
        this.file = null;
        this.task = task;
        this.total = total;
    }

    /**
     * A computation of {@code total} steps, logged under {@code owner}'s logger.
     *
     * @param owner the class whose logger reports
     * @param task what runs, e.g. "Gray's test of 1000 groups"
     * @param total the number of steps
     * @return the progress
     */
    public static Progress of(Class<?> owner, String task, long total) {
        return new Progress(owner, task, total);
    }

    /** One more step done (cheap: the clock is read every 64 steps). */
    public void step() {
        if ((++done & 63) == 0) {
            long now = System.nanoTime();
            if (now >= next) {
                next = now + EVERY_NANOS;
                log.info("{}: {} of {} steps ({} %), {} s", task, done, total, total > 0 ? 100 * done / total : 0,
                        (now - started) / 1_000_000_000L);
            }
        }
    }

    void row(int row) {
        if ((row & 0xffff) == 0) {
            long now = System.nanoTime();
            if (now >= next) {
                next = now + EVERY_NANOS;
                log.info("reading {}: {} rows in {} s", file.getFileName(), row, (now - started) / 1_000_000_000L);
            }
        }
    }

    void done(int rows) {
        long ms = (System.nanoTime() - started) / 1_000_000L;
        if (ms >= 5000) {
            log.info("read {}: {} rows in {} ms", file.getFileName(), rows, ms);
        }
    }
}
