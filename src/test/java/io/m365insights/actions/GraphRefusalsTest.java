package io.m365insights.actions;

import io.m365insights.actions.GraphRefusals.Write;
import io.m365insights.msgraph.MsGraphErrorKind;
import io.m365insights.msgraph.MsGraphException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Graph failures map to stable userError codes by error.code, and the ambiguous Request_BadRequest by its message. */
class GraphRefusalsTest {

    private static MsGraphException graph(MsGraphErrorKind kind, int status, String code, String message) {
        return new MsGraphException(kind, "write", status, code, message, "rid-1", null);
    }

    private static ActionErrorCode code(MsGraphException e, Write write) {
        return GraphRefusals.map(e, write).code();
    }

    private static MsGraphException badRequest(String message) {
        return graph(MsGraphErrorKind.BAD_REQUEST, 400, "Request_BadRequest", message);
    }

    @Test
    void theCodeDecidesWhenItSaysEnough() {
        assertThat(code(graph(MsGraphErrorKind.NOT_FOUND, 404, "Request_ResourceNotFound", "Resource 'x' does not "
                + "exist"), Write.ASSIGN_LICENSE)).isEqualTo(ActionErrorCode.USER_NOT_FOUND);
        ActionError forbidden = GraphRefusals.map(graph(MsGraphErrorKind.FORBIDDEN, 403, "Authorization_RequestDenied",
                "Insufficient privileges to complete the operation."), Write.CREATE_USER);
        assertThat(forbidden.code()).isEqualTo(ActionErrorCode.PERMISSION_MISSING);
        assertThat(forbidden.message()).contains("User.ReadWrite.All").contains("Authorization_RequestDenied");
        for (MsGraphErrorKind k : new MsGraphErrorKind[]{MsGraphErrorKind.THROTTLED, MsGraphErrorKind.UNAVAILABLE,
                MsGraphErrorKind.NETWORK, MsGraphErrorKind.UNAUTHENTICATED}) {
            assertThat(code(graph(k, 503, null, "x"), Write.UNASSIGN_LICENSE)).isEqualTo(ActionErrorCode.GRAPH_UNAVAILABLE);
        }
        assertThat(code(graph(MsGraphErrorKind.SERVER_ERROR, 500, "UnknownError", "x"), Write.UNASSIGN_LICENSE))
                .isEqualTo(ActionErrorCode.GRAPH_ERROR);
        assertThat(code(graph(MsGraphErrorKind.CREDENTIALS_REJECTED, 0, null, "bad secret"), Write.CREATE_USER))
                .isEqualTo(ActionErrorCode.CREDENTIALS_REJECTED);
    }

    @Test
    void requestBadRequestIsToldApartByTheDocumentedMessages() {
        assertThat(code(badRequest("License assignment cannot be done for user with invalid usage location."),
                Write.ASSIGN_LICENSE)).isEqualTo(ActionErrorCode.USAGE_LOCATION_REQUIRED);
        assertThat(code(badRequest("Subscription X for this organization does not have any available licenses."),
                Write.ASSIGN_LICENSE)).isEqualTo(ActionErrorCode.NO_SEATS_AVAILABLE);
        assertThat(code(badRequest("License 1f2e does not correspond to a valid company License."),
                Write.ASSIGN_LICENSE)).isEqualTo(ActionErrorCode.UNKNOWN_SKU);
        assertThat(code(badRequest("User license is inherited from a group membership and it cannot be removed "
                + "directly from the user."), Write.UNASSIGN_LICENSE)).isEqualTo(ActionErrorCode.LICENSE_INHERITED_FROM_GROUP);
        assertThat(code(badRequest("User does not have a corresponding license."), Write.UNASSIGN_LICENSE))
                .isEqualTo(ActionErrorCode.LICENSE_NOT_ASSIGNED);
        assertThat(code(badRequest("Another object with the same value for property userPrincipalName already exists."),
                Write.CREATE_USER)).isEqualTo(ActionErrorCode.DUPLICATE_USER_PRINCIPAL_NAME);
        assertThat(code(badRequest("The domain portion of the userPrincipalName property is invalid. You must use one "
                + "of the verified domain names in your organization."), Write.CREATE_USER))
                .isEqualTo(ActionErrorCode.DOMAIN_NOT_VERIFIED);
        assertThat(code(badRequest("The specified password does not comply with password complexity requirements. "
                + "Please provide a different password."), Write.CREATE_USER)).isEqualTo(ActionErrorCode.WEAK_PASSWORD);
    }

    @Test
    void anUnrecognisedRefusalIsGraphRejectedWithGraphsMessageNeverAWrongCode() {
        ActionError e = GraphRefusals.map(badRequest("Something new Microsoft says."), Write.ASSIGN_LICENSE);
        assertThat(e.code()).isEqualTo(ActionErrorCode.GRAPH_REJECTED);
        assertThat(e.message()).contains("Request_BadRequest").contains("Something new Microsoft says.");
        // a message belonging to another write does not leak into this one's codes
        assertThat(code(badRequest("The specified password does not comply with password complexity requirements."),
                Write.ASSIGN_LICENSE)).isEqualTo(ActionErrorCode.GRAPH_REJECTED);
    }
}
