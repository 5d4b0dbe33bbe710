package io.uptake.usage;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;

/**
 * One person's use of one feature of an AI tool on one day, as the tool reported it.
 *
 * @param email   the person's email where the tool gives it (Microsoft Graph; GitHub organisations linked to an
 *                identity provider)
 * @param login   the person's account on the tool where it gives no email (a GitHub login), matched through the
 *                programmes file's {@code github-logins}
 * @param feature what was used, in the connector's documented words ({@code code_completion}, {@code word}, ...);
 *                {@value #ANY} when the tool says only that the person used it
 * @param count   how many uses the tool counted that day, at least 1
 * @param passive whether the use was only passive (suggestions shown, none engaged with), where the tool tells
 */
public record SourceActivity(@Nullable String email, @Nullable String login, LocalDate day, String feature, int count,
                             boolean passive) {

    public static final String ANY = "any";
}
