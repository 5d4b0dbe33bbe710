package io.uptake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong nanos = new AtomicLong();
    private final TokenBucket bucket = new TokenBucket(100, 3, nanos::get);

    @Test
    void aFullBucketAdmitsItsBurstThenRefuses() {
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.tryTake()).isZero();
        }

        assertThat(bucket.tryTake()).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void tokensComeBackAtTheConfiguredRate() {
        for (int i = 0; i < 3; i++) {
            bucket.tryTake();
        }
        nanos.addAndGet(Duration.ofMillis(10).toNanos());

        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void anIdleBucketSavesNoMoreThanItsBurst() {
        nanos.addAndGet(Duration.ofSeconds(60).toNanos());

        for (int i = 0; i < 3; i++) {
            assertThat(bucket.tryTake()).isZero();
        }
        assertThat(bucket.tryTake()).isPositive();
    }
}
