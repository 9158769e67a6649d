package io.m365insights.api;

import java.util.UUID;

/** Parses GUID ids given to the API, with an error that names the argument. */
final class Ids {
    private Ids() {
    }

    static UUID uuid(String value, String argument) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiInputException(argument + ": '" + value + "' is not a GUID");
        }
    }
}
