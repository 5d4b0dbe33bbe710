package io.uptake.platform;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;

/** Stores a {@link Platform} as its code, the text the database's {@code platform} columns hold and check. */
@Singleton
public final class PlatformConverter implements AttributeConverter<Platform, String> {

    @Override
    public String convertToPersistedValue(Platform platform, ConversionContext context) {
        return platform == null ? null : platform.code();
    }

    @Override
    public Platform convertToEntityValue(String code, ConversionContext context) {
        return code == null ? null : Platform.fromCode(code);
    }
}
