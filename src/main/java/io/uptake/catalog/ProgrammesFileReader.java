package io.uptake.catalog;

import java.nio.file.Path;

/**
 * Reads a programmes file into a catalogue or the mistakes that stop it becoming one. The catalogue's sync asks
 * it, and {@code catalog.file} answers: the file's syntax stays apart from the model it fills.
 */
public interface ProgrammesFileReader {

    CatalogParse read(Path file);
}
