package io.uptake.catalog.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.uptake.catalog.CatalogError;
import io.uptake.catalog.CatalogParse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogParserReadTest {

    @TempDir
    Path dir;

    private final CatalogParser parser = new CatalogParser();

    private CatalogError onlyErrorReading(Path file) {
        CatalogParse parse = parser.read(file);
        assertThat(parse).isInstanceOf(CatalogParse.Invalid.class);
        List<CatalogError> errors = ((CatalogParse.Invalid) parse).errors();
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    @Test
    void readsAValidFile() throws IOException {
        Path file = Files.writeString(dir.resolve("programmes.yml"), CatalogText.EXAMPLE);

        assertThat(parser.read(file)).isEqualTo(parser.parse("programmes.yml", CatalogText.EXAMPLE));
    }

    @Test
    void missingFileIsReportedWithItsPath() {
        Path file = dir.resolve("programmes.yml");

        CatalogError error = onlyErrorReading(file);

        assertThat(error.file()).isEqualTo("programmes.yml");
        assertThat(error.line()).isZero();
        assertThat(error.field()).isEqualTo("(file)");
        assertThat(error.message()).isEqualTo("no programmes file at " + file.toAbsolutePath() + "; check the path");
    }

    @Test
    void mistakesNameTheFileByItsName() throws IOException {
        Path file = Files.writeString(dir.resolve("catalogue.yaml"),
                CatalogText.example().replace("stage: pilot", "stage: beta").text());

        assertThat(onlyErrorReading(file).file()).isEqualTo("catalogue.yaml");
    }

    @Test
    void directoryIsNotTakenForTheFile() {
        CatalogError error = onlyErrorReading(dir);

        assertThat(error.line()).isZero();
        assertThat(error.message()).endsWith("is a directory; name the programmes file itself");
    }

    @Test
    void textThatIsNotUtf8IsReportedAtItsLine() throws IOException {
        byte[] latin1 = "programmes: []\npulses: []\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("programmes.yml"), latin1);

        CatalogError error = onlyErrorReading(file);

        assertThat(error.line()).isEqualTo(3);
        assertThat(error.message()).startsWith("the file is not valid UTF-8").endsWith("save it as UTF-8");
    }

    @Test
    void fileOverOneMebibyteIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("programmes.yml"), "#".repeat(CatalogFile.MAX_BYTES) + "\n");

        CatalogError error = onlyErrorReading(file);

        assertThat(error.line()).isZero();
        assertThat(error.message()).startsWith("the file is larger than 1 MiB");
    }

    @Test
    void byteOrderMarkIsIgnored() throws IOException {
        Path file = Files.writeString(dir.resolve("programmes.yml"), "\uFEFF" + CatalogText.EXAMPLE);

        assertThat(parser.read(file)).isInstanceOf(CatalogParse.Valid.class);
    }
}
