package io.uptake.digest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

/**
 * Keeps digest charts under unguessable tokens: 192 random bits, so a chart's public address cannot be found by
 * trying addresses, only by being shown it.
 */
@Singleton
public class ChartImages {

    private static final int TOKEN_BYTES = 24;

    private final DigestRepositories.Charts charts;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    ChartImages(DigestRepositories.Charts charts, Clock clock) {
        this.charts = charts;
        this.clock = clock;
    }

    /** Stores the image and returns its token; joins the caller's transaction. */
    @Transactional
    public String store(byte[] png, @Nullable Long digestRunId) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        charts.save(new ChartImageRow(token, digestRunId, png, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS)));
        return token;
    }

    /** The image of a token; empty for anything that is not a stored token. */
    @ReadOnly
    public Optional<byte[]> png(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{32}")) {
            return Optional.empty();
        }
        return charts.findById(token).map(ChartImageRow::png);
    }
}
