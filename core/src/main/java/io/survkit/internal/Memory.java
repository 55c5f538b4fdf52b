package io.survkit.internal;

import java.util.Locale;

/**
 * Up-front checks that a matrix whose size grows with the square of the number of groups (or
 * columns) fits the heap, so that a request that cannot work fails at once with a message saying
 * what is needed, instead of an {@code OutOfMemoryError} minutes later.
 */
public final class Memory {
    private Memory() {
    }

    /** Bytes of {@code count} doubles. */
    public static long doubles(double count) {
        return (long) Math.min(Long.MAX_VALUE / 2.0, 8 * count);
    }

    /** True when {@code bytes} fit in what the heap can still give (its maximum minus what is in use). */
    public static boolean fits(long bytes) {
        Runtime r = Runtime.getRuntime();
        long available = r.maxMemory() - (r.totalMemory() - r.freeMemory());
        return bytes <= available;
    }

    /** Human-readable size: "3.2 GB". */
    public static String size(long bytes) {
        double gb = bytes / 1e9;
        return gb >= 1 ? String.format(Locale.ROOT, "%.1f GB", gb)
                : String.format(Locale.ROOT, "%.0f MB", Math.max(1, bytes / 1e6));
    }

    /**
     * Throws an {@code IllegalArgumentException} when {@code bytes} do not fit: "{@code what} needs
     * SIZE but the heap (-Xmx MAX) has AVAILABLE free; {@code advice}".
     */
    public static void require(long bytes, String what, String advice) {
        if (!fits(bytes)) {
            Runtime r = Runtime.getRuntime();
            throw Check.fail("%s needs %s but the heap (maximum %s) has %s free; %s", what, size(bytes),
                    size(r.maxMemory()), size(r.maxMemory() - (r.totalMemory() - r.freeMemory())), advice);
        }
    }
}
