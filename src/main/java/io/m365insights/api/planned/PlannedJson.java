package io.m365insights.api.planned;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The JSON of planned answers: Jackson, written straight to UTF-8 bytes. Its escaping is SmallRye GraphQL's Jakarta
 * JSON provider's (Parsson's), byte for byte (PlannedJsonTest): {@code "} and {@code \} with a backslash; backspace,
 * tab, line feed, form feed and carriage return as {@code \b \t \n \f \r}; nothing else but the other characters below
 * U+0020, which Jackson writes in upper-case hex and Parsson in lower case. A string holding one of those is not
 * written here ({@link #sameAsEngine}): the engine answers that request. So does a string with a lone surrogate, which
 * Jackson refuses to write.
 */
final class PlannedJson {
    /** Characters beyond U+FFFF as their four UTF-8 bytes, as Parsson writes them (Jackson's default escapes the pair). */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

    private PlannedJson() {
    }

    static JsonGenerator generator(OutputStream out) throws IOException {
        return FACTORY.createGenerator(out, JsonEncoding.UTF8);
    }

    /** Whether Jackson writes this string as the engine does: no control character without a short escape. */
    static boolean sameAsEngine(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\b' && c != '\t' && c != '\n' && c != '\f' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
