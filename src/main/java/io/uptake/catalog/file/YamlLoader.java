package io.uptake.catalog.file;

import java.io.StringReader;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Turns the text of the programmes file into YAML nodes that know their lines, within limits that keep a
 * hostile file (alias bombs, deep nesting, huge input) from exhausting memory.
 */
final class YamlLoader {

    /** The most code points a programmes file may hold; real files are a few kilobytes. */
    static final int MAX_CODE_POINTS = 1 << 20;

    // A handful of anchors is legitimate reuse; more is how "billion laughs" multiplies a small file.
    private static final int MAX_ALIASES = 20;
    private static final int MAX_NESTING = 20;

    private YamlLoader() {
    }

    /** The document's root node; empty for a document with no content, or after reporting why it is not YAML. */
    static Optional<Node> compose(String text, Problems problems) {
        if (text.length() > MAX_CODE_POINTS) {
            problems.add(0, Problems.WHOLE_FILE, "the file is larger than 1 MiB; split or shorten it");
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(new Yaml(options()).compose(new StringReader(text)));
        } catch (MarkedYAMLException malformed) {
            problems.add(lineOf(malformed), Problems.WHOLE_FILE, "not valid YAML: " + describe(malformed));
        } catch (ReaderException unprintable) {
            problems.add(lineAt(text, unprintable.getPosition()), Problems.WHOLE_FILE,
                    "the file contains a control character (code " + unprintable.getCodePoint()
                            + ") that YAML does not allow; remove it");
        } catch (YAMLException refused) {
            // SnakeYAML gives no position for its limits, so the error concerns the whole file.
            problems.add(0, Problems.WHOLE_FILE, "the file is too complex to read safely (" + refused.getMessage()
                    + "); use at most " + MAX_ALIASES + " aliases to lists or mappings, nest at most "
                    + MAX_NESTING + " levels deep, and write repeated parts out");
        }
        return Optional.empty();
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        return options;
    }

    private static int lineOf(MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        return mark == null ? 1 : mark.getLine() + 1;
    }

    private static String describe(MarkedYAMLException e) {
        // SnakeYAML phrases some problems as the second half of a sentence ("but found ...").
        String problem = e.getProblem() == null ? "unreadable" : e.getProblem().replaceFirst("^but ", "");
        Mark context = e.getContextMark();
        boolean elsewhere = e.getContext() != null && context != null && context.getLine() + 1 != lineOf(e);
        return problem + (elsewhere ? " (" + e.getContext() + " on line " + (context.getLine() + 1) + ")" : "");
    }

    /** The 1-based line holding the code point at {@code position}. */
    private static int lineAt(String text, int position) {
        int end = text.offsetByCodePoints(0, Math.min(position, text.codePointCount(0, text.length())));
        return (int) text.substring(0, end).chars().filter(c -> c == '\n').count() + 1;
    }
}
