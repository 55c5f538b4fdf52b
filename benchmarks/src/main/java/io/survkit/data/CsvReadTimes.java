package io.survkit.data;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * One-shot timing of the CSV readers of {@link CsvReadBenchmark} on a given file (e.g. the 10^7-row
 * file beside which {@code benchmarks/csv-vs-fread.sh} times {@code data.table::fread}): each reader
 * {@code runs} times, alternating, reporting the best wall-clock time and the best CPU time of the
 * process (all threads: the reader, the garbage collector, the JIT; on a shared machine the CPU time
 * is the stable measure).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.survkit.data.CsvReadTimes FILE RUNS [reader ...]
 * </pre>
 */
public final class CsvReadTimes {
    private CsvReadTimes() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        String[] readers = args.length > 2 ? java.util.Arrays.copyOfRange(args, 2, args.length)
                : new String[] {"engine", "read", "fastCsvFastDoubleParser", "commonsCsv"};
        CsvReadBenchmark b = new CsvReadBenchmark();
        b.use(file);
        com.sun.management.OperatingSystemMXBean mx =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] wall = new double[readers.length];
        double[] cpu = new double[readers.length];
        java.util.Arrays.fill(wall, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(cpu, Double.POSITIVE_INFINITY);
        for (int r = 0; r < runs; r++) {
            for (int k = 0; k < readers.length; k++) {
                Callable<Object> call = reader(b, readers[k]);
                long w0 = System.nanoTime();
                long c0 = mx.getProcessCpuTime();
                Object result = call.call();
                long c1 = mx.getProcessCpuTime();
                long w1 = System.nanoTime();
                wall[k] = Math.min(wall[k], (w1 - w0) / 1e9);
                cpu[k] = Math.min(cpu[k], (c1 - c0) / 1e9);
                System.out.printf(Locale.ROOT, "run %d %-26s wall %.3f s  cpu %.3f s  (%s)%n", r + 1, readers[k],
                        (w1 - w0) / 1e9, (c1 - c0) / 1e9, result.getClass().getSimpleName());
            }
        }
        for (int k = 0; k < readers.length; k++) {
            System.out.printf(Locale.ROOT, "best %-26s wall %.3f s  cpu %.3f s%n", readers[k], wall[k], cpu[k]);
        }
    }

    private static Callable<Object> reader(CsvReadBenchmark b, String name) {
        switch (name) {
            case "engine":
                return b::engine;
            case "read":
                return b::read;
            case "fastCsvFastDoubleParser":
                return b::fastCsvFastDoubleParser;
            case "fastCsvParseDouble":
                return b::fastCsvParseDouble;
            case "commonsCsv":
                return b::commonsCsv;
            default:
                throw new IllegalArgumentException("unknown reader " + name);
        }
    }
}
