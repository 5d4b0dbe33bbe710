package io.uptake.catalog.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads the programmes file from disk as UTF-8 text, reporting a missing, unreadable or oversized file. */
final class CatalogFile {

    /** The largest file accepted; real files are a few kilobytes, so more is a mistake or an attack. */
    static final int MAX_BYTES = 1 << 20;

    private CatalogFile() {
    }

    static Optional<String> read(Path file, Problems problems) {
        Optional<byte[]> bytes = bytes(file, problems);
        return bytes.flatMap(content -> decode(content, problems));
    }

    private static Optional<byte[]> bytes(Path file, Problems problems) {
        String where = file.toAbsolutePath().toString();
        if (Files.isDirectory(file)) {
            problems.add(0, Problems.WHOLE_FILE, where + " is a directory; name the programmes file itself");
            return Optional.empty();
        }
        // Read one byte past the limit rather than trusting the size reported beforehand, which may change.
        try (InputStream in = Files.newInputStream(file)) {
            byte[] content = in.readNBytes(MAX_BYTES + 1);
            if (content.length > MAX_BYTES) {
                problems.add(0, Problems.WHOLE_FILE, "the file is larger than 1 MiB (" + MAX_BYTES
                        + " bytes); a programmes file is a few kilobytes, so check it is the right file");
                return Optional.empty();
            }
            return Optional.of(content);
        } catch (NoSuchFileException missing) {
            problems.add(0, Problems.WHOLE_FILE, "no programmes file at " + where + "; check the path");
        } catch (AccessDeniedException denied) {
            problems.add(0, Problems.WHOLE_FILE, "cannot read " + where + ": permission denied");
        } catch (IOException unreadable) {
            problems.add(0, Problems.WHOLE_FILE, "cannot read " + where + ": " + unreadable.getMessage());
        }
        return Optional.empty();
    }

    private static Optional<String> decode(byte[] content, Problems problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            problems.add(lineAt(content, in.position()), Problems.WHOLE_FILE,
                    "the file is not valid UTF-8 (byte " + (in.position() + 1) + "); save it as UTF-8");
            return Optional.empty();
        }
        decoder.flush(out);
        String text = out.flip().toString();
        // A byte-order mark is legal in UTF-8 files some editors write, but is not part of the content.
        return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    private static int lineAt(byte[] content, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            line += content[i] == '\n' ? 1 : 0;
        }
        return line;
    }
}
