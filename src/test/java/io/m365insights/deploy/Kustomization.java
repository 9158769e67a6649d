package io.m365insights.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.zjsonpatch.JsonPatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the subset of kustomize that k8s/ uses, so the
 * manifests can be validated on a machine with only a JDK: {@code resources} (files, and directories holding a
 * kustomization), {@code images} ({@code name} with {@code newName}, {@code newTag}, {@code digest}) and
 * {@code patches} as inline JSON 6902 operations with a {@code target} of {@code kind} and {@code name}. Patches are
 * applied before images, as kustomize does. Any other kustomize field makes rendering fail, so the Java rendering
 * can never silently differ from kustomize's; where kubectl is installed, {@code ManifestsTest} also compares both.
 */
final class Kustomization {
    static final ObjectMapper YAML = new YAMLMapper();
    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "images", "patches");

    private Kustomization() {
    }

    static List<ObjectNode> render(Path dir) {
        JsonNode k = read(dir.resolve("kustomization.yaml")).get(0);
        k.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED.contains(field)) {
                throw new IllegalStateException(dir + "/kustomization.yaml: '" + field
                        + "' is not supported by the Java rendering (Kustomization.java); keep k8s/ to " + SUPPORTED);
            }
        });
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : k.path("resources")) {
            Path p = dir.resolve(resource.asText()).normalize();
            if (Files.isDirectory(p)) {
                objects.addAll(render(p));
            } else {
                read(p).forEach(doc -> objects.add((ObjectNode) doc));
            }
        }
        for (JsonNode patch : k.path("patches")) {
            applyPatch(dir, patch, objects);
        }
        for (JsonNode image : k.path("images")) {
            objects.forEach(o -> setImage(o, image));
        }
        return objects;
    }

    private static void applyPatch(Path dir, JsonNode patch, List<ObjectNode> objects) {
        JsonNode target = patch.path("target");
        if (!patch.has("patch") || patch.size() != 2 || target.size() != 2 || !target.has("kind") || !target.has("name")) {
            throw new IllegalStateException(dir + ": only inline JSON 6902 patches with a target {kind, name} are supported");
        }
        JsonNode operations = read(patch.get("patch").asText()).get(0);
        boolean matched = false;
        for (int i = 0; i < objects.size(); i++) {
            ObjectNode o = objects.get(i);
            if (o.path("kind").asText().equals(target.get("kind").asText())
                    && o.path("metadata").path("name").asText().equals(target.get("name").asText())) {
                objects.set(i, (ObjectNode) JsonPatch.apply(operations, o));
                matched = true;
            }
        }
        if (!matched) {
            throw new IllegalStateException(dir + ": a patch matches no resource: " + target);
        }
    }

    /** kustomize's images transformer on every container of a pod template. */
    private static void setImage(ObjectNode object, JsonNode image) {
        JsonNode podSpec = object.path("spec").path("template").path("spec");
        for (String list : new String[]{"initContainers", "containers"}) {
            for (JsonNode c : podSpec.path(list)) {
                String current = c.path("image").asText();
                int at = current.indexOf('@');
                int colon = current.lastIndexOf(':');
                int end = at >= 0 ? at : colon > current.lastIndexOf('/') ? colon : current.length();
                String name = current.substring(0, end);
                if (!name.equals(image.get("name").asText())) {
                    continue;
                }
                String suffix = current.substring(end);
                if (image.has("newTag")) {
                    suffix = ":" + image.get("newTag").asText();
                }
                if (image.has("digest")) {
                    suffix = "@" + image.get("digest").asText();
                }
                ((ObjectNode) c).put("image", image.path("newName").asText(name) + suffix);
            }
        }
    }

    static List<JsonNode> read(Path file) {
        try {
            return read(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a (multi-document) YAML text, empty documents skipped. */
    static List<JsonNode> read(String yaml) {
        try (var parser = new YAMLFactory().createParser(yaml)) {
            List<JsonNode> docs = new ArrayList<>();
            YAML.readValues(parser, JsonNode.class).forEachRemaining(d -> {
                if (d != null && !d.isNull() && !d.isMissingNode()) {
                    docs.add(d);
                }
            });
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
