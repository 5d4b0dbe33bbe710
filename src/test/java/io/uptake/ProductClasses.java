package io.uptake;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The product's classes (src/main only), imported once per test run for every architecture rule that reads them. */
public final class ProductClasses {

    private ProductClasses() {
    }

    public static JavaClasses all() {
        return Holder.ALL;
    }

    /** Imported on first use, so a run that checks no rule pays nothing. */
    private static final class Holder {
        static final JavaClasses ALL = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.uptake");
    }
}
