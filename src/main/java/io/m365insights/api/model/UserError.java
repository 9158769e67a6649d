package io.m365insights.api.model;

import io.m365insights.actions.ActionErrorCode;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.util.List;

@Type("UserError")
@Description("An expected business outcome that prevented the mutation (not a fault). `code` is stable; `message` is for people.")
public record UserError(@NonNull @Description("Stable: clients branch on it, never on the message. Served as the same "
                                + "names it had as a String.") ActionErrorCode code,
                        @NonNull String message,
                        @Description("Path to the input field concerned, if any.") List<@NonNull String> field) {
}
