package io.survkit.relative;

/**
 * The rate-table cells that hold at least one subject, with their subject counts: O(1) entry and
 * exit, and a dense list to loop over (the kernels' per-step work is over this list, not the table).
 */
final class OccupiedCells {
    private final int[] count;
    private final int[] position;
    private final int[] list;
    private int size;

    OccupiedCells(int cells) {
        count = new int[cells];
        position = new int[cells];
        list = new int[cells];
    }

    /** Adds a subject to cell {@code c}; true when the cell was empty (its sums must start at 0). */
    boolean enter(int c) {
        if (count[c]++ == 0) {
            position[c] = size;
            list[size++] = c;
            return true;
        }
        return false;
    }

    /** Removes a subject from cell {@code c}; true when the cell is now empty. */
    boolean leave(int c) {
        if (--count[c] == 0) {
            int p = position[c];
            int last = list[--size];
            list[p] = last;
            position[last] = p;
            return true;
        }
        return false;
    }

    /** Subjects in cell {@code c}. */
    int count(int c) {
        return count[c];
    }

    /** Number of occupied cells. */
    int size() {
        return size;
    }

    /** The {@code k}-th occupied cell. */
    int get(int k) {
        return list[k];
    }

    /** Empties every cell. */
    void clear() {
        for (int k = 0; k < size; k++) {
            count[list[k]] = 0;
        }
        size = 0;
    }
}
