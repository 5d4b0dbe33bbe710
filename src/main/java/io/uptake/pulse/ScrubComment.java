package io.uptake.pulse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what could identify someone from a comment before it is kept for others to read: chat mentions, email
 * addresses, phone numbers and the names of people Uptake knows, each replaced by a placeholder.
 *
 * <p>It errs towards removing too much. A known person's whole name is removed in any case; one part of a name
 * ("Jane", "Doe") is removed where it is written with a capital, so "Will said" loses "Will" but "it will do"
 * keeps its word. A run of seven or more digits is taken for a phone number unless it is a date.
 */
final class ScrubComment {

    static final String NAME = "[name]";
    static final String EMAIL = "[email]";
    static final String PHONE = "[phone]";
    static final String MENTION = "[mention]";

    /** Slack's user, group and broadcast mentions; Teams' at-mentions. */
    private static final Pattern CHAT_MENTION = Pattern.compile(
            "<[@!][^<>\\n]{1,200}>|<at\\b[^>]{0,200}>.{0,200}?</at>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern EMAIL_ADDRESS = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    private static final Pattern PLAIN_MENTION = Pattern.compile(
            "(?<![\\p{L}\\p{N}])@[\\p{L}\\p{N}._-]*[\\p{L}\\p{N}]");
    private static final Pattern PHONE_NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}])\\+?\\(?\\d[\\d ().\\-/]{5,}\\d");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}");
    private static final int MIN_PHONE_DIGITS = 7;
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*(?:['’-]\\p{L}[\\p{L}\\p{M}]*)*");
    private static final int MIN_PART = 2;

    private final Map<String, List<List<String>>> wholeNamesByFirst = new HashMap<>();
    private final Set<String> parts = new HashSet<>();

    /** A scrubber that knows these people's names (as they go by, e.g. "Jane Doe"). */
    ScrubComment(Iterable<String> knownNames) {
        for (String name : knownNames) {
            if (name == null) {
                continue;
            }
            List<String> words = words(name);
            if (words.isEmpty()) {
                continue;
            }
            wholeNamesByFirst.computeIfAbsent(words.get(0), w -> new ArrayList<>()).add(words);
            words.stream().filter(w -> w.length() >= MIN_PART).forEach(parts::add);
        }
    }

    /** The comment with identifying details replaced by placeholders. */
    String scrub(String text) {
        String out = CHAT_MENTION.matcher(text).replaceAll(MENTION);
        out = EMAIL_ADDRESS.matcher(out).replaceAll(EMAIL);
        out = PLAIN_MENTION.matcher(out).replaceAll(MENTION);
        out = phones(out);
        return names(out);
    }

    private static String phones(String text) {
        Matcher m = PHONE_NUMBER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String found = m.group();
            long digits = found.chars().filter(Character::isDigit).count();
            boolean phone = digits >= MIN_PHONE_DIGITS && !DATE.matcher(found.strip()).matches();
            m.appendReplacement(out, Matcher.quoteReplacement(phone ? PHONE : found));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String names(String text) {
        List<int[]> spans = new ArrayList<>();
        List<String> lower = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            String word = m.group();
            lower.add(word.substring(0, word.length() - possessive(word).length()).toLowerCase(Locale.ROOT));
        }
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i < spans.size(); i++) {
            int whole = wholeName(lower, i);
            String word = text.substring(spans.get(i)[0], spans.get(i)[1]);
            int end;
            if (whole > 1) {
                int[] last = spans.get(i + whole - 1);
                end = last[1] - possessive(text.substring(last[0], last[1])).length();
            } else if (isPart(word)) {
                end = spans.get(i)[1] - possessive(word).length();
            } else {
                continue;
            }
            out.append(text, copied, spans.get(i)[0]).append(NAME);
            copied = end;
            i += Math.max(whole, 1) - 1;
        }
        return out.append(text.substring(copied)).toString();
    }

    /** How many words from {@code at} make a known person's whole name (0 if none); the longest wins. */
    private int wholeName(List<String> lower, int at) {
        int best = 0;
        for (List<String> name : wholeNamesByFirst.getOrDefault(lower.get(at), List.of())) {
            if (name.size() > best && at + name.size() <= lower.size()
                    && lower.subList(at, at + name.size()).equals(name)) {
                best = name.size();
            }
        }
        return best;
    }

    /** Whether a capitalised word (or its possessive) is part of a known person's name. */
    private boolean isPart(String word) {
        if (!Character.isUpperCase(word.codePointAt(0))) {
            return false;
        }
        String base = word.substring(0, word.length() - possessive(word).length()).toLowerCase(Locale.ROOT);
        return parts.contains(base);
    }

    private static String possessive(String word) {
        return word.endsWith("'s") || word.endsWith("’s") ? word.substring(word.length() - 2) : "";
    }

    private static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(name);
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
