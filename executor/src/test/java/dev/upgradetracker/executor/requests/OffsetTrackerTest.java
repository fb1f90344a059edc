package dev.upgradetracker.executor.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

  private static final TopicPartition P0 = new TopicPartition("events", 0);

  private final OffsetTracker offsets = new OffsetTracker();

  @Test
  void commitsUpToTheFirstRequestStillRunning() {
    offsets.started(P0, 4);
    offsets.started(P0, 5);
    offsets.started(P0, 6);
    offsets.finished(P0, 4);
    offsets.finished(P0, 6);

    assertThat(offsets.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(5)));
  }

  @Test
  void commitsPastTheTransactionMarkerAfterTheLastRecordOnceNothingRuns() {
    offsets.started(P0, 7);
    offsets.readUpTo(P0, 9);

    assertThat(offsets.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(7)));
    offsets.finished(P0, 7);
    assertThat(offsets.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(9)));
  }

  @Test
  void commitsNothingAgainOnceCommitted() {
    offsets.readUpTo(P0, 3);
    offsets.committed(offsets.committable());

    assertThat(offsets.committable()).isEmpty();
  }
}
