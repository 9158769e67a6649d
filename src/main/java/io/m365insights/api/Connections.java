package io.m365insights.api;

import io.m365insights.api.model.PageInfo;
import io.m365insights.db.Page;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Builds the edges and the page info of every Relay connection of the API from one page of rows. */
final class Connections {
    private Connections() {
    }

    /** A connection's edges and page info, for its type's constructor. */
    record Built<E>(List<E> edges, PageInfo pageInfo) {
    }

    /**
     * @param cursor the row's cursor
     * @param node   the row as the API type
     * @param edge   the edge type's constructor (cursor, node)
     */
    static <R, N, E> Built<E> of(Page<R> page, boolean hasPrevious, Function<R, String> cursor, Function<R, N> node,
                                 BiFunction<String, N, E> edge) {
        List<String> cursors = page.rows().stream().map(cursor).toList();
        List<E> edges = new java.util.ArrayList<>(page.rows().size());
        for (int i = 0; i < cursors.size(); i++) {
            edges.add(edge.apply(cursors.get(i), node.apply(page.rows().get(i))));
        }
        PageInfo info = new PageInfo(page.hasNext(), hasPrevious, cursors.isEmpty() ? null : cursors.get(0),
                cursors.isEmpty() ? null : cursors.get(cursors.size() - 1));
        return new Built<>(List.copyOf(edges), info);
    }
}
