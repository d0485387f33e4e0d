package dev.dynamotest.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Documentation that cannot rot: every Java block of the READMEs and the reference page is a tagged region of a
 * source file that the build compiles and runs (this package). A block says where it comes from on the line before
 * it, {@code <!-- snippet: PATH#TAG -->} (PATH from the repository root; without {@code #TAG}, the whole file), and
 * must equal that region, modulo indentation. Blocks of other languages are checked when they carry a marker.
 */
class ReadmeSnippetsTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final List<String> DOCUMENTS = List.of("README.md", "junit-extension/README.md", "assertj-assertions/README.md",
        "testcontainers-module/README.md", "spring-boot/README.md", "examples/README.md", "docs/reference.md");
    static final Pattern MARKER = Pattern.compile("<!-- snippet: ([^#\\s]+)(?:#(\\S+))? -->");
    static final Pattern TAG_LINE = Pattern.compile("^\\s*// (tag|end)::[\\w-]+\\[]\\s*$");

    record Block(String document, int line, String language, String marker, String text) {
    }

    @Test
    void everyJavaBlockIsACompiledTaggedRegionAndEqualsIt() throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String document : DOCUMENTS) {
            for (Block block : blocks(document)) {
                String where = document + ":" + block.line();
                if (block.marker() == null) {
                    if (block.language().equals("java")) {
                        problems.add(where + ": a java block without a <!-- snippet: PATH#TAG --> line before it");
                    }
                    continue;
                }
                Matcher m = MARKER.matcher(block.marker());
                m.matches();
                Path source = ROOT.resolve(m.group(1));
                if (!Files.exists(source)) {
                    problems.add(where + ": " + m.group(1) + " does not exist");
                    continue;
                }
                String expected = m.group(2) == null ? Files.readString(source, StandardCharsets.UTF_8).strip()
                    : region(Files.readAllLines(source, StandardCharsets.UTF_8), m.group(2));
                if (expected == null) {
                    problems.add(where + ": " + m.group(1) + " has no region tagged " + m.group(2));
                } else if (!dedent(block.text()).equals(dedent(expected))) {
                    problems.add(where + ": differs from " + m.group(1) + (m.group(2) == null ? "" : "#" + m.group(2))
                        + "; it should read:\n" + dedent(expected));
                }
                checked++;
            }
        }
        assertThat(problems).as("README code blocks").isEmpty();
        assertThat(checked).as("blocks checked").isGreaterThanOrEqualTo(8);
    }

    /** The fenced blocks of a document, with the marker line before each (if any). */
    static List<Block> blocks(String document) throws IOException {
        Path path = ROOT.resolve(document);
        List<Block> blocks = new ArrayList<>();
        if (!Files.exists(path)) {
            return blocks;
        }
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("```")) {
                continue;
            }
            String language = line.substring(3).strip();
            int start = i;
            StringBuilder text = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                text.append(lines.get(i)).append('\n');
            }
            String before = start > 0 ? lines.get(start - 1).strip() : "";
            blocks.add(new Block(document, start + 1, language, MARKER.matcher(before).matches() ? before : null, text.toString()));
        }
        return blocks;
    }

    /** The lines between {@code // tag::TAG[]} and {@code // end::TAG[]}, without any tag lines; null if absent. */
    static String region(List<String> lines, String tag) {
        int start = lines.stream().map(String::strip).toList().indexOf("// tag::" + tag + "[]");
        int end = lines.stream().map(String::strip).toList().indexOf("// end::" + tag + "[]");
        if (start < 0 || end < start) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (String line : lines.subList(start + 1, end)) {
            if (!TAG_LINE.matcher(line).matches()) {
                b.append(line).append('\n');
            }
        }
        return b.toString();
    }

    /** Without the common indentation, trailing spaces and blank lines around. */
    static String dedent(String text) {
        List<String> lines = text.strip().isEmpty() ? List.of() : text.stripTrailing().lines().map(String::stripTrailing).toList();
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder b = new StringBuilder();
        for (String line : lines) {
            b.append(line.length() >= indent ? line.substring(indent) : line.strip()).append('\n');
        }
        return b.toString().strip();
    }
}
