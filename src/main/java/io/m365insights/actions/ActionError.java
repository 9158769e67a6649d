package io.m365insights.actions;

import java.util.List;

/**
 * Why a mutation (or one of its steps) did not happen: a stable code, a message for people, and the path of the input
 * field concerned (e.g. {@code ["input", "skuId"]}), empty when no single field is.
 */
public record ActionError(ActionErrorCode code, String message, List<String> field) {
    public ActionError {
        field = field == null ? List.of() : List.copyOf(field);
    }

    public static ActionError of(ActionErrorCode code, String message, String... field) {
        return new ActionError(code, message, List.of(field));
    }
}
