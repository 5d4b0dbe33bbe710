package io.uptake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.uptake.archfixture.cycle.a.A;
import io.uptake.archfixture.cycle.b.B;
import io.uptake.catalog.archfixture.GroundFixture;
import io.uptake.catalog.archfixture.UpwardImport;
import io.uptake.chat.archfixture.AdapterReadingRows;
import io.uptake.pulse.archfixture.DownwardImport;
import io.uptake.pulse.archfixture.UseCaseFixture;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules can fail: each is run, as the very rule object {@link ArchitectureTest} checks, on small
 * fixture classes (only under src/test, so the real check never sees them) that break it.
 */
class ArchitectureRulesFailTest {

    @Test
    void twoPackagesThatImportEachOtherAreACycle() {
        JavaClasses cycle = new ClassFileImporter().importClasses(A.class, B.class);

        AssertionError refused = assertThrows(AssertionError.class,
                () -> ArchitectureTest.PACKAGES_FREE_OF_CYCLES.check(cycle));
        assertThat(refused).hasMessageContaining("Cycle detected").hasMessageContaining("archfixture.cycle.a");
    }

    @Test
    void theGroundFloorReachingUpToAUseCaseBreaksTheLayers() {
        JavaClasses upward = new ClassFileImporter().importClasses(UpwardImport.class, UseCaseFixture.class);

        AssertionError refused = assertThrows(AssertionError.class, () -> ArchitectureTest.LAYERS.check(upward));
        assertThat(refused).hasMessageContaining("UpwardImport").hasMessageContaining("UseCaseFixture");
    }

    @Test
    void aUseCaseUsingTheGroundFloorKeepsTheLayers() {
        JavaClasses downward = new ClassFileImporter().importClasses(DownwardImport.class, GroundFixture.class);

        assertDoesNotThrow(() -> ArchitectureTest.LAYERS.check(downward));
    }

    @Test
    void anAdapterReadingTheCoresRowsAndRepositoriesBreaksTheAdapterRule() {
        JavaClasses adapter = new ClassFileImporter().importClasses(AdapterReadingRows.class);

        AssertionError refused = assertThrows(AssertionError.class,
                () -> ArchitectureTest.ADAPTERS_GO_THROUGH_USE_CASES.check(adapter));
        assertThat(refused).hasMessageContaining("PersonRepository").hasMessageContaining("PersonRow");
    }
}
