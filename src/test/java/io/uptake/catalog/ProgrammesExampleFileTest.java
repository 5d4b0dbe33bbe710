package io.uptake.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.catalog.file.CatalogParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sample programmes file the README's first steps copy: read with the service's own parser, so a change of
 * the file's rules that the sample does not follow fails the build instead of a newcomer's first start.
 */
class ProgrammesExampleFileTest {

    /** Relative to the project directory, where Maven runs the tests. */
    private static final Path SAMPLE = Path.of("manifests", "programmes.example.yaml");
    private static final String COMMENTED_DIGEST = "# digests:";

    private final CatalogParser parser = new CatalogParser();

    @Test
    void theSampleFileHasNoMistakes() {
        CatalogParse parse = parser.read(SAMPLE);

        assertThat(mistakes(parse)).isEmpty();
        assertThat(((CatalogParse.Valid) parse).catalog().pulses()).extracting(Pulse::id)
                .containsExactly("claims-weekly");
    }

    @Test
    void theSamplesDigestHasNoMistakesOnceUncommented() throws IOException {
        String text = Files.readString(SAMPLE);
        int start = text.indexOf(COMMENTED_DIGEST);
        assertThat(start).as("the sample's commented digest").isNotNegative();
        String uncommented = text.substring(0, start) + text.substring(start).replaceAll("(?m)^# ", "");

        CatalogParse parse = parser.parse("programmes.yml", uncommented);

        assertThat(mistakes(parse)).isEmpty();
        assertThat(((CatalogParse.Valid) parse).catalog().digests()).hasSize(1);
    }

    private static List<String> mistakes(CatalogParse parse) {
        return parse instanceof CatalogParse.Invalid invalid
                ? invalid.errors().stream().map(CatalogError::toString).toList()
                : List.of();
    }
}
