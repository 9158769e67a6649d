package io.m365insights.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The documentation a clone reads: the Microsoft Graph contract that the code's "CONTRACT.md §n" comments cite is in
 * the repository and is the team's shared digest unchanged (checked where the shared folder sits beside the checkout,
 * as on CI), and no relative link of the README, of {@code docs/} or of the other Markdown files leads nowhere.
 */
class ContractCopyTest {
    static final Path CONTRACT = Path.of("docs", "msgraph", "CONTRACT.md");
    static final Path SAMPLES = Path.of("docs", "msgraph", "samples");
    static final Path SHARED = Path.of("..", "shared", "msgraph");

    /** {@code [text](target)} or {@code ![alt](target "title")}; the target without its title. */
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");

    @Test
    void theContractIsInTheRepository() {
        assertThat(CONTRACT).as("the Graph contract the code's comments cite").isRegularFile();
        assertThat(SAMPLES.resolve("README.md")).as("the contract's samples").isRegularFile();
    }

    @Test
    void theContractIsTheSharedDigestUnchanged() throws IOException {
        Path shared = SHARED.resolve("CONTRACT.md");
        assumeTrue(Files.isRegularFile(shared), "no ../shared/msgraph beside the checkout: nothing to compare with");
        assertThat(Files.mismatch(CONTRACT, shared))
                .as("%s differs from %s (first differing byte; -1 = equal): copy the shared digest again, unchanged",
                        CONTRACT, shared)
                .isEqualTo(-1L);
    }

    @Test
    void theSamplesAreTheSharedSamplesUnchanged() throws IOException {
        Path shared = SHARED.resolve("samples");
        assumeTrue(Files.isDirectory(shared), "no ../shared/msgraph beside the checkout: nothing to compare with");
        Set<Path> expected = relativeFiles(shared);
        assertThat(relativeFiles(SAMPLES)).as("the files of %s, as in %s", SAMPLES, shared)
                .containsExactlyInAnyOrderElementsOf(expected);
        for (Path file : expected) {
            assertThat(Files.mismatch(SAMPLES.resolve(file), shared.resolve(file)))
                    .as("%s differs from the shared copy (first differing byte)", SAMPLES.resolve(file))
                    .isEqualTo(-1L);
        }
    }

    @Test
    void everyRelativeLinkOfTheDocumentationLeadsSomewhere() throws IOException {
        List<String> broken = new ArrayList<>();
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<Path> pages = markdownPages();
        assertThat(pages).contains(Path.of("README.md"), Path.of("docs", "development.md"));
        for (Path page : pages) {
            for (String target : links(page)) {
                if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) { // https:, mailto:, …: not a file of ours
                    continue;
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? null : target.substring(hash + 1);
                Path resolved = file.isEmpty() ? page : page.resolveSibling(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(page + ": " + target + " (no " + resolved + ")");
                } else if (anchor != null && !anchor.isEmpty() && resolved.toString().endsWith(".md")
                        && !anchors.computeIfAbsent(resolved, ContractCopyTest::headingAnchors).contains(anchor)) {
                    broken.add(page + ": " + target + " (no heading #" + anchor + " in " + resolved + ")");
                }
            }
        }
        assertThat(broken).as("links that lead nowhere").isEmpty();
    }

    /** The README, every page under docs/, and the other Markdown files of the repository (k8s/, bench/, …). */
    static List<Path> markdownPages() throws IOException {
        Set<Path> skipped = Set.of(Path.of("target"), Path.of(".git"), Path.of("node_modules"));
        Path root = Path.of(".");
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(root::relativize)
                    .filter(p -> p.toString().endsWith(".md") && !p.startsWith(Path.of("bench", "work")))
                    .filter(p -> Stream.iterate(p.getParent(), q -> q != null, Path::getParent)
                            .noneMatch(q -> skipped.contains(q.getFileName())))
                    .sorted().toList();
        }
    }

    /** The link targets of a page, outside fenced code blocks and inline code. */
    static List<String> links(Path page) throws IOException {
        List<String> targets = new ArrayList<>();
        for (String line : prose(page)) {
            Matcher m = LINK.matcher(INLINE_CODE.matcher(line).replaceAll("code"));
            while (m.find()) {
                targets.add(m.group(1));
            }
        }
        return targets;
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens, -1 for repeats. */
    static Set<String> headingAnchors(Path page) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        try {
            for (String line : prose(page)) {
                Matcher m = HEADING.matcher(line);
                if (m.matches()) {
                    String slug = m.group(1).toLowerCase(Locale.ROOT)
                            .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
                    int n = seen.merge(slug, 1, Integer::sum);
                    anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + page, e);
        }
        return anchors;
    }

    /** The lines of a page outside fenced code blocks. */
    private static List<String> prose(Path page) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(page)) {
            if (line.stripLeading().startsWith("```") || line.stripLeading().startsWith("~~~")) {
                fenced = !fenced;
            } else if (!fenced) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static Set<Path> relativeFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return new HashSet<>(files.filter(Files::isRegularFile).map(dir::relativize).toList());
        }
    }
}
