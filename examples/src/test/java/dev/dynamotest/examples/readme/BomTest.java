package dev.dynamotest.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The BOM lists every published module of the reactor, at the reactor's version. */
class BomTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    static String first(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]+)</" + element + ">").matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void listsEveryPublishedModule() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
        List<String> published = new ArrayList<>();
        Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(parent);
        while (modules.find()) {
            String pom = Files.readString(ROOT.resolve(modules.group(1)).resolve("pom.xml"));
            String withoutParent = pom.replaceFirst("(?s)<parent>.*?</parent>", "");
            if (!pom.contains("<maven.deploy.skip>true</maven.deploy.skip>") && !modules.group(1).equals("bom")) {
                published.add(first(withoutParent, "artifactId"));
            }
        }
        assertThat(published).contains("dynamotest-core-engine", "dynamotest-junit-extension");
        for (String artifact : published) {
            assertThat(bom).as("the BOM lists " + artifact).contains("<artifactId>" + artifact + "</artifactId>");
        }
        assertThat(first(bom.replaceFirst("(?s)<dependencyManagement>.*", ""), "version"))
            .isEqualTo(first(parent.replaceFirst("(?s)<properties>.*", ""), "version"));
    }
}
