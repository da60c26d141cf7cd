package io.squidmesh.examples.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Keeps the code in the documentation equal to code the build compiles. In every Markdown file under
 * {@code docs/} (and the README), a fenced block may be preceded by an include marker
 * <pre>{@code <!-- include: samples/hello-host/hello-host-ejb/src/main/java/.../Greet.java#step -->}</pre>
 * and must then be exactly the source region between the lines {@code tag::step[]} and {@code end::step[]}
 * of that file (any comment style; nested tag lines left out; common indentation removed), or the whole file
 * without {@code #tag}. Every {@code java} block must have such a marker, and its file must be a Java source
 * of a module ({@code src/main/java} or {@code src/test/java}), so it compiles with the build.
 * <p>
 * After changing a tagged region, refresh the docs with
 * {@code ./mvnw -o -pl squidmesh-examples -am test -Dtest=DocSnippetsTest -Dsurefire.failIfNoSpecifiedTests=false -Dsquidmesh.docs.update=true}.
 */
class DocSnippetsTest {

    private static final Pattern MARKER = Pattern.compile("^<!-- include: (\\S+?)(?:#([\\w-]+))? -->$");
    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
    private static final Pattern TAG_LINE = Pattern.compile(".*\\b(?:tag|end)::[\\w-]+\\[\\].*");

    @Test
    void everyIncludedBlockEqualsItsSourceRegionAndEveryJavaBlockIsIncluded() throws IOException {
        Path root = repositoryRoot();
        boolean update = Boolean.getBoolean("squidmesh.docs.update");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path doc : markdownFiles(root)) {
            List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            String name = root.relativize(doc).toString();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                Matcher marker = MARKER.matcher(line.strip());
                Matcher fence = FENCE.matcher(line);
                if (marker.matches()) {
                    out.add(line);
                    int open = i + 1;
                    Matcher blockFence = open < lines.size() ? FENCE.matcher(lines.get(open)) : null;
                    if (blockFence == null || !blockFence.matches() || blockFence.group(1).isEmpty()) {
                        problems.add(name + ":" + (i + 1) + ": include marker not followed by a fenced block with a language");
                        continue;
                    }
                    int close = closingFence(lines, open);
                    if (close < 0) {
                        problems.add(name + ":" + (open + 1) + ": unclosed fenced block");
                        break;
                    }
                    String source = marker.group(1);
                    String language = blockFence.group(1);
                    if (language.equals("java") && !source.matches(".+/src/(main|test)/java/.+\\.java")) {
                        problems.add(name + ":" + (i + 1) + ": java block included from " + source
                                + ", which is not a module's Java source");
                    }
                    List<String> expected;
                    try {
                        expected = region(root.resolve(source), marker.group(2));
                    } catch (IllegalArgumentException e) {
                        problems.add(name + ":" + (i + 1) + ": " + e.getMessage());
                        for (int j = open; j <= close; j++) {
                            out.add(lines.get(j));
                        }
                        i = close;
                        continue;
                    }
                    List<String> actual = lines.subList(open + 1, close);
                    checked++;
                    if (!actual.equals(expected)) {
                        problems.add(name + ":" + (open + 2) + ": block differs from " + source
                                + (marker.group(2) == null ? "" : "#" + marker.group(2)) + firstDifference(expected, actual));
                    }
                    out.add(lines.get(open));
                    out.addAll(expected);
                    out.add(lines.get(close));
                    i = close;
                } else if (fence.matches() && !fence.group(1).isEmpty()) {
                    int close = closingFence(lines, i);
                    if (fence.group(1).equals("java")) {
                        problems.add(name + ":" + (i + 1) + ": java block without an include marker on the line before");
                    }
                    int end = close < 0 ? lines.size() - 1 : close;
                    for (int j = i; j <= end; j++) {
                        out.add(lines.get(j));
                    }
                    i = end;
                } else {
                    out.add(line);
                }
            }
            if (update && !out.equals(lines)) {
                Files.write(doc, (String.join("\n", out) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        if (update) {
            problems.removeIf(p -> p.contains("block differs"));
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " documentation problem(s) (refresh included blocks with -Dsquidmesh.docs.update=true):\n"
                    + String.join("\n", problems));
        }
        assertFalse(checked == 0, "no included block found: is the docs folder where the test looks?");
    }

    /**
     * Relative links in the guides point at files that exist, and links into a guide of {@code docs/} at one of
     * its headings. Links into a top-level folder that is not in this checkout (a module still being written on
     * another branch) are left for when it lands.
     */
    @Test
    void relativeLinksInTheGuidesResolve() throws IOException {
        Path root = repositoryRoot();
        Pattern link = Pattern.compile("\\]\\(([^)\\s]+)\\)");
        List<String> problems = new ArrayList<>();
        for (Path doc : markdownFiles(root)) {
            if (!doc.startsWith(root.resolve("docs"))) {
                continue;
            }
            List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = link.matcher(lines.get(i));
                while (m.find()) {
                    String target = m.group(1);
                    if (target.matches("^[a-z]+:.*")) {
                        continue;
                    }
                    String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                    String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                    Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                    String where = root.relativize(doc) + ":" + (i + 1) + ": ";
                    if (!Files.exists(resolved)) {
                        Path top = root.resolve(root.relativize(resolved).getName(0));
                        if (Files.exists(top)) {
                            problems.add(where + "link to missing " + target);
                        }
                        continue;
                    }
                    if (anchor != null && resolved.startsWith(root.resolve("docs"))
                            && !anchors(resolved).contains(anchor)) {
                        problems.add(where + "no heading for #" + anchor + " in " + root.relativize(resolved));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }

    /** GitHub's heading anchors: lower case, punctuation other than '-' and '_' dropped, spaces as '-'. */
    static List<String> anchors(Path markdown) throws IOException {
        return Files.readAllLines(markdown, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("#"))
                .map(l -> l.replaceFirst("^#+\\s*", "").toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'))
                .toList();
    }

    @Test
    void regionsDropNestedTagLinesAndCommonIndentation() {
        assertEquals(List.of("a();", "  b();"), dedent(List.of("        a();", "          b();")));
        assertEquals(List.of("x", "", "y"), dedent(List.of("  x", "", "  y")));
    }

    /** The lines between {@code tag::name[]} and {@code end::name[]}, or the whole file without a name. */
    static List<String> region(Path file, String tag) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file.getFileName() + ": " + e);
        }
        if (tag == null) {
            return lines;
        }
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("tag::" + tag + "[]")) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            throw new IllegalArgumentException(file.getFileName() + " has no tag::" + tag + "[]");
        }
        List<String> body = new ArrayList<>();
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.contains("end::" + tag + "[]")) {
                return dedent(body);
            }
            if (!TAG_LINE.matcher(line).matches()) {
                body.add(line);
            }
        }
        throw new IllegalArgumentException(file.getFileName() + " has no end::" + tag + "[]");
    }

    static List<String> dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent).stripTrailing()).toList();
    }

    private static int closingFence(List<String> lines, int open) {
        for (int j = open + 1; j < lines.size(); j++) {
            if (lines.get(j).strip().equals("```")) {
                return j;
            }
        }
        return -1;
    }

    private static String firstDifference(List<String> expected, List<String> actual) {
        for (int k = 0; k < Math.max(expected.size(), actual.size()); k++) {
            String e = k < expected.size() ? expected.get(k) : "<end>";
            String a = k < actual.size() ? actual.get(k) : "<end>";
            if (!e.equals(a)) {
                return " at its line " + (k + 1) + ": source has [" + e + "], doc has [" + a + "]";
            }
        }
        return "";
    }

    private static List<Path> markdownFiles(Path root) {
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            List<Path> files = new ArrayList<>(docs.filter(p -> p.toString().endsWith(".md")).sorted().toList());
            files.add(root.resolve("README.md"));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checkout: the first directory upwards from the module that holds {@code docs/} and {@code mvnw}. */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("docs")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no docs/ folder above " + Path.of("").toAbsolutePath());
    }
}
