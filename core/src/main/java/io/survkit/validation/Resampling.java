package io.survkit.validation;

import io.survkit.internal.Check;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Bootstrap replicates run in parallel with results that do not depend on the thread count:
 * replicate b draws its n row indices (with replacement) from its own generator, a
 * {@link SplittableRandom} seeded with SplitMix64(seed + b), and writes its statistics to slot b;
 * the caller sums the slots in order b = 0, 1, ... So the same seed gives bit-identical results
 * with 1 or 16 threads.
 */
final class Resampling {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Resampling() {
    }

    /** The n row indices of replicate b for a seed (0-based, with replacement). */
    static int[] indices(int n, long seed, int b) {
        SplittableRandom r = new SplittableRandom(mix(seed + (b + 1) * GOLDEN));
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = r.nextInt(n);
        }
        return idx;
    }

    /**
     * Runs replicates 0..B-1 of {@code statistic} (row indices to statistics, or null when the
     * replicate fails, e.g. a model that does not converge) on {@code threads} threads.
     */
    static double[][] run(int n, int replicates, long seed, int threads, Function<int[], double[]> statistic) {
        double[][] out = new double[replicates][];
        if (threads <= 1) {
            for (int b = 0; b < replicates; b++) {
                out[b] = statistic.apply(indices(n, seed, b));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "survkit-bootstrap");
            t.setDaemon(true);
            return t;
        });
        try {
            @SuppressWarnings("unchecked")
            Future<double[]>[] f = new Future[replicates];
            for (int b = 0; b < replicates; b++) {
                final int rep = b;
                f[b] = pool.submit(() -> statistic.apply(indices(n, seed, rep)));
            }
            for (int b = 0; b < replicates; b++) {
                out[b] = f[b].get();
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bootstrap interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw Check.fail("bootstrap replicate failed: %s", c.getMessage());
        } finally {
            pool.shutdownNow();
        }
    }

    /** SplitMix64's finaliser: a well-mixed 64-bit value from any input. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
