package dev.dynamotest.engine.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsistencySettingsTest {
    @Test
    void parsesTheTextForm() {
        assertThat(ConsistencySettings.parse("strong")).isEqualTo(ConsistencySettings.STRONG);
        assertThat(ConsistencySettings.parse("eventual")).isEqualTo(ConsistencySettings.eventual(0));
        ConsistencySettings s = ConsistencySettings.parse("eventual:seed=42,lag=500ms,ttl=2h");
        assertThat(s.eventual()).isTrue();
        assertThat(s.seed()).isEqualTo(42);
        assertThat(s.lag()).isEqualTo(Lag.time(Duration.ofMillis(500)));
        assertThat(s.ttlWindow()).isEqualTo(Duration.ofHours(2));
        assertThat(ConsistencySettings.parse("eventual:lag=5ops").lag()).isEqualTo(Lag.operations(5));
        assertThat(ConsistencySettings.parse(s.toString())).isEqualTo(s);
        assertThat(s.toString()).isEqualTo("eventual:seed=42,lag=500ms,ttl=2h");
    }

    @Test
    void rejectsWhatItCannotRead() {
        assertThatThrownBy(() -> ConsistencySettings.parse("sometimes")).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("consistency is 'strong' or 'eventual[:seed=N,lag=3ops|500ms,ttl=48h]', not: sometimes");
        assertThatThrownBy(() -> ConsistencySettings.parse("eventual:speed=1")).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("unknown consistency option: speed (seed, lag, ttl)");
        assertThatThrownBy(() -> ConsistencySettings.parse("eventual:lag=soon")).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("not a duration (e.g. 500ms, 2s, 48h): soon");
        assertThatThrownBy(() -> ConsistencySettings.parse("eventual:seed=x")).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("not a number: seed=x");
    }

    @Test
    void drawsStayWithinTheBoundAndDependOnTheSeed() {
        for (long n = 0; n < 1000; n++) {
            assertThat(Consistency.draw(1, n, 1, 3)).isBetween(0L, 3L);
        }
        assertThat(Consistency.draw(1, 5, 1, 0)).isZero();
        long same = 0;
        for (long n = 0; n < 100; n++) {
            if (Consistency.draw(1, n, 1, 1000) == Consistency.draw(2, n, 1, 1000)) {
                same++;
            }
        }
        assertThat(same).isLessThan(5);
    }
}
