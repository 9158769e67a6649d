package io.m365insights.api.documents;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * graphql-schema/trusted-documents.txt lists every operation under graphql-schema/examples and graphql-schema/bi with
 * its id (sha256 of the file). Fails when a document was added, removed or edited without the list; rewrite it with
 * {@code ./mvnw test -Dtest=TrustedDocumentsFileTest -Dgraphql.documents.update=true} and review the diff (a BI
 * report that pinned a sha256 id keeps working only while that text is listed; readable names stay).
 */
class TrustedDocumentsFileTest {
    private static final Path ROOT = Path.of("graphql-schema");
    private static final Path MANIFEST = ROOT.resolve("trusted-documents.txt");

    static String expectedManifest() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# The trusted documents: GET /graphql?documentId=<id>&variables=<json>, <id> = the file without .graphql");
        lines.add("# (e.g. bi/usage-series) or the sha256 below. Kept by TrustedDocumentsFileTest (docs/bi.md); do not edit.");
        for (String folder : List.of("bi", "examples")) {
            try (Stream<Path> files = Files.list(ROOT.resolve(folder))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".graphql")).sorted().toList()) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    lines.add(TrustedDocuments.idOf(text) + " " + folder + "/" + file.getFileName());
                }
            }
        }
        return String.join("\n", lines) + "\n";
    }

    @Test
    void theManifestListsEveryCommittedDocument() throws IOException {
        String expected = expectedManifest();
        if (Boolean.getBoolean("graphql.documents.update")) {
            Files.writeString(MANIFEST, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(MANIFEST) ? Files.readString(MANIFEST, StandardCharsets.UTF_8) : "")
                .as("graphql-schema/trusted-documents.txt is out of date; rewrite it with "
                        + "`./mvnw test -Dtest=TrustedDocumentsFileTest -Dgraphql.documents.update=true`")
                .isEqualTo(expected);
    }

    @Test
    void theIdIsTheSha256OfTheFileAsSha256sumPrintsIt() {
        // echo -n '{ licenses { skuId } }' | sha256sum
        assertThat(TrustedDocuments.idOf("{ licenses { skuId } }"))
                .isEqualTo("sha256:1af0bdc6af6088407f76b707419b9f8f6a8defeb10821a2bafa92ba0b52126bc");
        assertThat(TrustedDocuments.nameOf("bi/usage-series.graphql")).isEqualTo("bi/usage-series");
    }
}
