package dev.aigw.emulator.internal.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The dot-segment check reads a path in one pass, however many segments it has. */
class DotSegmentsScanTest {

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aPathOfHalfAMillionSegmentsIsCheckedInOnePass() {
        String segments = "a/".repeat(500_000);

        assertThat(DotSegments.in(segments + "a;p/b")).isFalse();
        assertThat(DotSegments.in(segments + "..;p/b")).isTrue();
    }
}
