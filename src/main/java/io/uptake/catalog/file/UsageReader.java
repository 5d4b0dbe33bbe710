package io.uptake.catalog.file;

import io.uptake.catalog.CsvProfile;
import io.uptake.catalog.ToolSeats;
import io.uptake.catalog.UsageSpec;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads where use is pulled from: a workflow's {@code usage}, and the file's {@code github-logins},
 * {@code csv-profiles} and {@code tools}.
 */
final class UsageReader {

    static final List<String> USAGE_KEYS = List.of("source", "features");
    static final List<String> PROFILE_KEYS = List.of("person", "day", "day-format", "count", "feature");
    static final List<String> TOOL_KEYS = List.of("seats", "price-per-seat", "currency", "per");

    /** GitHub's rule for a login: letters, digits and single hyphens, at most 39 characters. */
    private static final Pattern GITHUB_LOGIN = Pattern.compile("[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}");
    private static final Pattern FEATURE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final Set<String> profiles;

    /** @param profiles the names of the file's CSV profiles, which a {@code csv:} source must name */
    UsageReader(Set<String> profiles) {
        this.profiles = Set.copyOf(profiles);
    }

    Optional<UsageSpec> usage(Field field) {
        return field.mapping(USAGE_KEYS).flatMap(mapping -> {
            Optional<String> source = mapping.require("source", "missing required key 'source'; give "
                    + sources()).flatMap(this::source);
            Optional<List<String>> features = mapping.readOr("features", UsageReader::features, List.of());
            if (source.isEmpty() || features.isEmpty()) {
                return Optional.empty();
            }
            if (source.get().equals(UsageSpec.MICROSOFT_365_COPILOT)) {
                List<String> unknown = features.get().stream()
                        .filter(f -> !UsageSpec.MICROSOFT_365_FEATURES.contains(f)).toList();
                if (!unknown.isEmpty()) {
                    mapping.errorAt("features", "Microsoft 365 Copilot reports no feature " + String.join(", ", unknown)
                            + "; its features are " + String.join(", ", UsageSpec.MICROSOFT_365_FEATURES));
                    return Optional.empty();
                }
            }
            return Optional.of(new UsageSpec(source.get(), features.get()));
        });
    }

    /** A usage source as a workflow or a tool names it. */
    Optional<String> source(Field field) {
        return Scalars.text(field).flatMap(text -> {
            if (UsageSpec.CONNECTORS.contains(text)) {
                return Optional.of(text);
            }
            if (text.startsWith(UsageSpec.CSV_PREFIX)) {
                String profile = text.substring(UsageSpec.CSV_PREFIX.length());
                if (profiles.contains(profile)) {
                    return Optional.of(text);
                }
                field.error("names the CSV profile " + Field.quote(profile) + ", which 'csv-profiles' does not declare"
                        + (profiles.isEmpty() ? "" : "; declared: " + String.join(", ", profiles.stream().sorted()
                        .toList())));
                return Optional.empty();
            }
            field.error(Field.quote(text) + " is not a usage source; give " + sources());
            return Optional.empty();
        });
    }

    private static String sources() {
        return String.join(", ", UsageSpec.CONNECTORS) + " or csv:<profile>";
    }

    private static Optional<List<String>> features(Field field) {
        return field.oneOrList().flatMap(items -> {
            List<String> features = new ArrayList<>();
            boolean ok = true;
            for (Field item : items) {
                Optional<String> feature = Scalars.text(item);
                if (feature.isPresent() && !FEATURE.matcher(feature.get()).matches()) {
                    item.error(Field.quote(feature.get()) + " is not a feature name; use letters, digits, '_', '.'"
                            + " and '-', as the tool names it");
                    feature = Optional.empty();
                }
                ok &= feature.isPresent();
                feature.filter(f -> !features.contains(f)).ifPresent(features::add);
            }
            return ok ? Optional.of(features) : Optional.empty();
        });
    }

    /** {@code github-logins}: each person's GitHub login by email; one login belongs to one person. */
    static Map<String, String> githubLogins(Field field) {
        Map<String, String> logins = new LinkedHashMap<>();
        Map<String, String> owners = new HashMap<>();
        field.pairs("each person's email and their GitHub login").ifPresent(mapping -> mapping.entries()
                .forEach((key, value) -> {
                    Optional<String> email = Scalars.email(value, key);
                    Optional<String> login = Scalars.text(value).filter(text -> login(value, text));
                    if (email.isEmpty() || login.isEmpty()) {
                        return;
                    }
                    String lower = login.get().toLowerCase(Locale.ROOT);
                    String other = owners.putIfAbsent(lower, email.get());
                    if (other != null) {
                        value.error("the GitHub login " + Field.quote(login.get()) + " is already given to " + other
                                + "; a login belongs to one person");
                    } else if (logins.putIfAbsent(email.get(), login.get()) != null) {
                        value.error(email.get() + " is given twice (emails ignore case); keep one");
                    }
                }));
        return logins;
    }

    private static boolean login(Field field, String text) {
        if (GITHUB_LOGIN.matcher(text).matches()) {
            return true;
        }
        field.error(Field.quote(text) + " is not a GitHub login; a login is letters, digits and single hyphens");
        return false;
    }

    /** {@code csv-profiles}: how to read other tools' user-activity exports, by profile name. */
    static Map<String, CsvProfile> csvProfiles(Field field) {
        Map<String, CsvProfile> profiles = new LinkedHashMap<>();
        field.pairs("CSV profiles by name").ifPresent(mapping -> mapping.entries().forEach((name, value) -> {
            if (!Scalars.ID.matcher(name).matches()) {
                value.error(Field.quote(name) + " is not a valid profile name; use 1 to 64 lower-case letters, digits"
                        + " and hyphens");
                return;
            }
            profile(name, value).ifPresent(profile -> profiles.put(name, profile));
        }));
        return profiles;
    }

    private static Optional<CsvProfile> profile(String name, Field field) {
        return field.mapping(PROFILE_KEYS).flatMap(mapping -> {
            Optional<String> person = mapping.require("person", "missing required key 'person': the column"
                    + " holding each person's email").flatMap(Scalars::text);
            Optional<String> day = mapping.require("day", "missing required key 'day': the column holding the day")
                    .flatMap(Scalars::text);
            Optional<String> format = mapping.readOr("day-format", UsageReader::dayFormat, CsvProfile.ISO_DAY);
            Optional<String> count = mapping.get("count").flatMap(Scalars::text);
            Optional<String> feature = mapping.get("feature").flatMap(Scalars::text);
            boolean countBad = mapping.has("count") && count.isEmpty();
            boolean featureBad = mapping.has("feature") && feature.isEmpty();
            if (person.isEmpty() || day.isEmpty() || format.isEmpty() || countBad || featureBad) {
                return Optional.empty();
            }
            return Optional.of(new CsvProfile(name, person.get(), day.get(), format.get(), count, feature));
        });
    }

    private static Optional<String> dayFormat(Field field) {
        return Scalars.text(field).filter(pattern -> {
            try {
                DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
                if (pattern.contains("y") || pattern.contains("u")) {
                    return true;
                }
                field.error(Field.quote(pattern) + " has no year; write a pattern such as MM/dd/yyyy");
            } catch (IllegalArgumentException e) {
                field.error(Field.quote(pattern) + " is not a date pattern; write one such as yyyy-MM-dd or"
                        + " MM/dd/yyyy");
            }
            return false;
        });
    }

    /** {@code tools}: seats and their price, by usage source. */
    Map<String, ToolSeats> tools(Field field) {
        Map<String, ToolSeats> tools = new LinkedHashMap<>();
        field.pairs("seats and prices by usage source").ifPresent(mapping -> mapping.entries()
                .forEach((name, value) -> {
                    Optional<String> source = sourceNamed(value, name);
                    Optional<ToolSeats> seats = value.mapping(TOOL_KEYS).flatMap(tool -> seats(name, tool));
                    if (source.isPresent() && seats.isPresent()) {
                        tools.put(name, seats.get());
                    }
                }));
        return tools;
    }

    private Optional<String> sourceNamed(Field field, String name) {
        if (UsageSpec.CONNECTORS.contains(name)) {
            return Optional.of(name);
        }
        if (name.startsWith(UsageSpec.CSV_PREFIX) && profiles.contains(name.substring(UsageSpec.CSV_PREFIX.length()))) {
            return Optional.of(name);
        }
        field.error(Field.quote(name) + " is not a usage source of this file; give " + sources()
                + " with a profile 'csv-profiles' declares");
        return Optional.empty();
    }

    private static Optional<ToolSeats> seats(String source, Mapping tool) {
        Optional<Integer> seats = tool.require("seats", "missing required key 'seats': how many seats are paid for")
                .flatMap(value -> Scalars.wholeNumber(value, 1, 10_000_000));
        Optional<BigDecimal> price = tool.readOr("price-per-seat", UsageReader::price, BigDecimal.ZERO);
        Optional<String> currency = tool.readOr("currency", UsageReader::currency, "USD");
        Optional<ToolSeats.Per> per = tool.readOr("per", value -> Scalars.choice(value, ToolSeats.Per.values()),
                ToolSeats.Per.MONTH);
        if (seats.isEmpty() || price.isEmpty() || currency.isEmpty() || per.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ToolSeats(source, seats.get(), price.get(), currency.get(), per.get()));
    }

    private static Optional<BigDecimal> price(Field field) {
        return Scalars.number(field).filter(price -> {
            if (price.signum() >= 0) {
                return true;
            }
            field.error("a price must not be negative; found " + price.toPlainString());
            return false;
        });
    }

    private static Optional<String> currency(Field field) {
        return Scalars.text(field).filter(code -> {
            if (CURRENCY.matcher(code).matches()) {
                return true;
            }
            field.error(Field.quote(code) + " is not a currency code; write three capital letters such as USD, EUR"
                    + " or GBP");
            return false;
        });
    }
}
