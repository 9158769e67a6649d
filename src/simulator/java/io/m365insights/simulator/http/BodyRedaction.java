package io.m365insights.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the request log keeps of a body: never a password. {@code passwordProfile.password} is replaced by
 * {@code "[redacted]"}, with {@code passwordLength} and {@code passwordComplexEnough} beside it, so tests can still
 * see that a password was sent and whether it met the complexity rule.
 */
final class BodyRedaction {
    private BodyRedaction() {
    }

    static String forLog(SimRequest request) {
        String text = request.bodyText();
        if (!text.contains("passwordProfile")) {
            return text;
        }
        JsonNode body = Json.read(request.body());
        if (body == null || !(body.get("passwordProfile") instanceof ObjectNode profile)) {
            return "[redacted: unreadable body with a passwordProfile]";
        }
        JsonNode password = profile.get("password");
        if (password != null) {
            profile.put("passwordLength", password.asText().length());
            profile.put("passwordComplexEnough", PasswordPolicy.complexEnough(password.asText()));
            profile.put("password", "[redacted]");
        }
        return Json.write(body);
    }
}
