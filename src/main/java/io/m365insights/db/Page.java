package io.m365insights.db;

import java.util.List;

/** One page of a keyset-paginated read: its rows, and whether more follow. */
public record Page<T>(List<T> rows, boolean hasNext) {
    /**
     * The page from a read of {@code limit + 1} rows (the extra row only tells that there is a next page).
     */
    public static <T> Page<T> of(List<T> rowsPlusOne, int limit) {
        boolean hasNext = rowsPlusOne.size() > limit;
        return new Page<>(hasNext ? List.copyOf(rowsPlusOne.subList(0, limit)) : rowsPlusOne, hasNext);
    }
}
