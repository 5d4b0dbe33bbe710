package io.uptake.people;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A programmes file with one workflow whose audience lists ana and bo by email, and the setting that loads it. */
final class LegalDraftingFile {

    private LegalDraftingFile() {
    }

    static Map<String, String> properties() {
        try {
            Path file = Files.createTempFile("programmes", ".yml");
            file.toFile().deleteOnExit();
            Files.writeString(file, """
                    programmes:
                      - id: legal-ai
                        name: Legal drafting assistant
                        sponsor: gc@example.com
                        workflows:
                          - id: review
                            owner: lee@example.com
                            audience: { emails: [ana@example.com, bo@example.com] }
                    """);
            return Map.of("uptake.catalog", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
