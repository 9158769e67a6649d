package io.m365insights.api.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operations committed under {@code graphql-schema/} ({@code examples/}, {@code bi/}), callable by id so that a BI
 * tool's URL stays short and static. Each document has two ids: {@code sha256:<hex>} of its file's bytes (the same
 * text always has the same id) and its path without {@code .graphql} ({@code bi/usage-daily}: stays the same when
 * the document is corrected). The manifest {@value #MANIFEST} lists them (kept by TrustedDocumentsFileTest); it and
 * the files are classpath resources (the pom copies them; native: quarkus.native.resources.includes), read once.
 */
public final class TrustedDocuments {
    public static final String MANIFEST = "graphql-schema/trusted-documents.txt";
    private static final String ROOT = "graphql-schema/";
    private static final String HASH_PREFIX = "sha256:";

    /** A trusted document: its hash id, its readable name and its text. */
    public record Document(String id, String name, String text) {
    }

    private final Map<String, Document> byId = new LinkedHashMap<>();

    private TrustedDocuments(List<Document> documents) {
        for (Document d : documents) {
            byId.put(d.id(), d);
            byId.put(d.name(), d);
        }
    }

    /** Reads the manifest and every document it lists; a listed file missing or changed fails (the build is wrong). */
    public static TrustedDocuments load(ClassLoader loader) {
        String manifest = read(loader, MANIFEST).orElseThrow(() -> new IllegalStateException(MANIFEST
                + " is not on the classpath: the trusted documents were not packaged"));
        List<Document> documents = new java.util.ArrayList<>();
        for (String line : manifest.split("\n")) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String[] parts = entry.split("\\s+");
            if (parts.length != 2) {
                throw new IllegalStateException(MANIFEST + ": expected '<id> <file>', got: " + entry);
            }
            String text = read(loader, ROOT + parts[1]).orElseThrow(() -> new IllegalStateException(
                    MANIFEST + " lists " + parts[1] + ", which is not on the classpath"));
            if (!idOf(text).equals(parts[0])) {
                throw new IllegalStateException(parts[1] + " does not match its id in " + MANIFEST);
            }
            documents.add(new Document(parts[0], nameOf(parts[1]), text));
        }
        return new TrustedDocuments(documents);
    }

    /** By either id ({@code sha256:…} or the readable name). */
    public Optional<Document> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Whether this exact document text is one of the trusted documents. */
    public boolean isTrusted(String text) {
        return text != null && byId.containsKey(idOf(text));
    }

    public List<Document> all() {
        return byId.values().stream().distinct().toList();
    }

    /** {@code sha256:} and the lower-case hex SHA-256 of the text's UTF-8 bytes (what {@code sha256sum} prints). */
    public static String idOf(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HASH_PREFIX + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code bi/usage-daily.graphql} → {@code bi/usage-daily}. */
    public static String nameOf(String file) {
        return file.endsWith(".graphql") ? file.substring(0, file.length() - ".graphql".length()) : file;
    }

    private static Optional<String> read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
