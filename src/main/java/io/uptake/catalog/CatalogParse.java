package io.uptake.catalog;

import java.util.List;

/** The outcome of reading a programmes file: a catalogue, or every mistake that stops it becoming one. */
public sealed interface CatalogParse {

    /** The file was well-formed and consistent. */
    record Valid(Catalog catalog) implements CatalogParse {
    }

    /** The file had mistakes; the errors are in line order. */
    record Invalid(List<CatalogError> errors) implements CatalogParse {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }
}
