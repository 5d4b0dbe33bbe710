package io.uptake.message;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One answer a person can pick.
 *
 * @param value the value recorded when the option is picked
 */
@Serdeable
public record AnswerOption(String label, String value) {
}
