package org.sightline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

public class IngestPropertiesTest {

    private static IngestProperties with(int batchSize, Duration latency, int receiveMaximum, int queue, String root) {
        return new IngestProperties(true, "main", root, "sightline-ingest", true, batchSize, latency, receiveMaximum, queue,
                Duration.ofDays(1), 65_536, Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofDays(90), 3,
                Duration.ofSeconds(30), 1);
    }

    /** The default settings (topic root sightline/v1). */
    public IngestProperties defaults() {
        return with(1000, Duration.ofMillis(50), 2000, 4000, "sightline/v1");
    }

    @Test
    void aBadValueIsRefusedWithItsFullKeyAndTheAllowedRange() {
        assertThatThrownBy(() -> with(0, Duration.ofMillis(20), 100, 200, "sightline/v1"))
                .hasMessage("sightline.ingest.batch-size = 0: must be 1-10000");
        assertThatThrownBy(() -> with(100, Duration.ZERO, 100, 200, "sightline/v1"))
                .hasMessageStartingWith("sightline.ingest.batch-latency = PT0S");
        assertThatThrownBy(() -> with(100, Duration.ofMillis(20), 500, 200, "sightline/v1"))
                .hasMessageStartingWith("sightline.ingest.queue-capacity = 200: must be at least sightline.ingest.receive-maximum");
        assertThatThrownBy(() -> with(100, Duration.ofMillis(20), 100, 200, "sightline/+/v1"))
                .hasMessageStartingWith("sightline.ingest.topic-root = 'sightline/+/v1'");
    }

    @Test
    void severalConnectionsNeedTheSharedSubscriptionAndKeepTheFirstSessionsId() {
        IngestProperties two = defaults().withConnections(2);
        assertThat(two.connectionInstanceId(0)).isEqualTo("main");
        assertThat(two.connectionInstanceId(1)).isEqualTo("main-c1");
        assertThatThrownBy(() -> defaults().withConnections(17))
                .hasMessage("sightline.ingest.connections = 17: must be 1-16");
        IngestProperties single = defaults().withoutSharedSubscription();
        assertThat(single.connections()).isEqualTo(1);
        assertThatThrownBy(() -> single.withConnections(2))
                .hasMessageStartingWith("sightline.ingest.connections = 2: more than one connection needs sightline.ingest.shared-subscription = true");
    }
}
