package io.uptake.catalog.file;

import io.uptake.catalog.Catalog;
import io.uptake.catalog.CatalogParse;
import io.uptake.catalog.ProgrammesFileReader;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Parses and validates the programmes file into a {@link Catalog}, or reports every mistake with its line.
 *
 * <p>Holds no state, so one instance may be shared between threads.
 */
@Singleton
public final class CatalogParser implements ProgrammesFileReader {

    /**
     * Parses the text of a programmes file.
     *
     * @param fileName the name errors should give the file, such as {@code programmes.yml}
     */
    public CatalogParse parse(String fileName, String yamlText) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(yamlText, "yamlText");
        Problems problems = new Problems(fileName);
        Optional<Node> root = YamlLoader.compose(yamlText, problems);
        Catalog catalog = root.map(node -> new CatalogReader().read(Field.root(node, problems)))
                .orElse(Catalog.empty());
        return outcome(catalog, problems);
    }

    /** Reads and parses a programmes file; errors name the file by its name alone, as a person knows it. */
    @Override
    public CatalogParse read(Path file) {
        Objects.requireNonNull(file, "file");
        String fileName = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        Problems problems = new Problems(fileName);
        Optional<String> text = CatalogFile.read(file, problems);
        return text.isPresent() ? parse(fileName, text.get()) : outcome(Catalog.empty(), problems);
    }

    private static CatalogParse outcome(Catalog catalog, Problems problems) {
        return problems.isEmpty() ? new CatalogParse.Valid(catalog) : new CatalogParse.Invalid(problems.inLineOrder());
    }
}
