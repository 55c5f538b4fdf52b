package io.survkit.data;

import java.util.Arrays;

/**
 * Distinct byte strings of a text column, each numbered in order of first appearance: a column of
 * 10^7 rows holding a few codes costs one {@code int} a row, and each distinct value is decoded to
 * a {@code String} once. Open addressing on a power-of-two table; the bytes live in one pool.
 */
final class ByteDictionary {
    private byte[] pool = new byte[256];
    private int poolSize;
    private int[] offset = new int[16];
    private int[] length = new int[16];
    private int[] hashes = new int[16];
    private String[] strings = new String[16];
    private int size;
    private int[] table = new int[32]; // code + 1, 0 = empty
    private int mask = 31;
    /** Values of at most 7 bytes packed in a long with their length (see {@link #pack}): code + 1. */
    private long[] shortKeys = new long[32];
    private int[] shortCodes = new int[32];
    private int shortMask = 31;
    private int shortCount;

    /** Number of distinct values. */
    int size() {
        return size;
    }

    /** The value with code {@code code}. */
    String string(int code) {
        return strings[code];
    }

    /** Longest value looked up by {@link #findShort}. */
    static final int SHORT = 7;

    /** The bytes of a value of at most {@link #SHORT} bytes and its length, as one long. */
    static long pack(byte[] bytes, int from, int to) {
        long k = to - from;
        for (int i = from; i < to; i++) {
            k = (k << 8) | (bytes[i] & 0xff);
        }
        return k;
    }

    /** Code of the short value packed as {@code key}, or -1 if absent. */
    int findShort(long key) {
        int slot = shortSlot(key);
        while (true) {
            int c = shortCodes[slot] - 1;
            if (c < 0 || shortKeys[slot] == key) {
                return c;
            }
            slot = (slot + 1) & shortMask;
        }
    }

    private int shortSlot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & shortMask;
    }

    private void putShort(long key, int code) {
        if (2 * (shortCount + 1) > shortKeys.length) {
            long[] keys = shortKeys;
            int[] codes = shortCodes;
            shortKeys = new long[keys.length * 2];
            shortCodes = new int[keys.length * 2];
            shortMask = shortKeys.length - 1;
            shortCount = 0;
            for (int i = 0; i < keys.length; i++) {
                if (codes[i] != 0) {
                    putShort(keys[i], codes[i] - 1);
                }
            }
        }
        int slot = shortSlot(key);
        while (shortCodes[slot] != 0) {
            slot = (slot + 1) & shortMask;
        }
        shortKeys[slot] = key;
        shortCodes[slot] = code + 1;
        shortCount++;
    }

    /** Code of {@code bytes[from, to)}, or -1 if absent (the caller then adds it with its string). */
    int find(byte[] bytes, int from, int to, int hash) {
        int slot = hash & mask;
        while (true) {
            int c = table[slot] - 1;
            if (c < 0) {
                return -1;
            }
            if (hashes[c] == hash && equal(c, bytes, from, to)) {
                return c;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Adds a value not yet present; returns its code. */
    int add(byte[] bytes, int from, int to, int hash, String decoded) {
        int len = to - from;
        if (poolSize + len > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len));
        }
        System.arraycopy(bytes, from, pool, poolSize, len);
        if (size == offset.length) {
            int cap = size * 2;
            offset = Arrays.copyOf(offset, cap);
            length = Arrays.copyOf(length, cap);
            hashes = Arrays.copyOf(hashes, cap);
            strings = Arrays.copyOf(strings, cap);
        }
        offset[size] = poolSize;
        length[size] = len;
        hashes[size] = hash;
        strings[size] = decoded;
        poolSize += len;
        int code = size++;
        if (len <= SHORT) {
            putShort(pack(bytes, from, to), code);
        }
        if (size * 2 > table.length) {
            rehash();
        } else {
            insert(code);
        }
        return code;
    }

    /** FNV-1a over the bytes. */
    static int hash(byte[] bytes, int from, int to) {
        int h = 0x811c9dc5;
        for (int i = from; i < to; i++) {
            h = (h ^ bytes[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }

    private boolean equal(int code, byte[] bytes, int from, int to) {
        int o = offset[code];
        return Arrays.equals(pool, o, o + length[code], bytes, from, to);
    }

    private void insert(int code) {
        int slot = hashes[code] & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = code + 1;
    }

    private void rehash() {
        table = new int[table.length * 2];
        mask = table.length - 1;
        for (int c = 0; c < size; c++) {
            insert(c);
        }
    }
}
