package io.uptake.catalog.file;

import io.uptake.catalog.CatalogError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the mistakes found in one programmes file, so a person sees all of them after one attempt. */
final class Problems {

    /** What an error names as its field when it concerns the whole file. */
    static final String WHOLE_FILE = "(file)";

    private static final String TOP_LEVEL = "(top level)";

    private final String file;
    private final List<CatalogError> errors = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void add(int line, String field, String message) {
        errors.add(new CatalogError(file, line, field.isEmpty() ? TOP_LEVEL : field, message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** The errors by line; the sort is stable, so errors on one line keep the order they were found in. */
    List<CatalogError> inLineOrder() {
        return errors.stream().sorted(Comparator.comparingInt(CatalogError::line)).toList();
    }
}
