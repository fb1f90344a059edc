package dev.upgradetracker.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventHashTest {

  @Test
  void theSameContentHashesTheSameHoweverItsJsonIsOrderedOrSpaced() {
    var compact =
        event("{\"guest\":\"g1\",\"toHost\":\"h2\"}", "{\"team\":\"alpha\",\"user\":\"anna\"}");
    var spaced =
        event(
            "{ \"toHost\": \"h2\",\n \"guest\": \"g1\" }",
            "{\"user\":\"anna\", \"team\":\"alpha\"}");

    assertThat(EventHash.of(spaced)).isEqualTo(EventHash.of(compact)).hasSize(64);
  }

  @Test
  void theRecordedHashItselfIsNotPartOfWhatIsHashed() {
    var unrecorded = event("{\"guest\":\"g1\"}", "{\"previousHash\":\"ab\"}");
    var recorded = event("{\"guest\":\"g1\"}", "{\"previousHash\":\"ab\",\"hash\":\"cd\"}");

    assertThat(EventHash.of(recorded)).isEqualTo(EventHash.of(unrecorded));
  }

  @Test
  void anyChangedValueOrPredecessorChangesTheHash() {
    var original = EventHash.of(event("{\"guest\":\"g1\"}", "{\"previousHash\":\"ab\"}"));

    assertThat(EventHash.of(event("{\"guest\":\"g9\"}", "{\"previousHash\":\"ab\"}")))
        .isNotEqualTo(original);
    assertThat(EventHash.of(event("{\"guest\":\"g1\"}", "{\"previousHash\":\"ac\"}")))
        .isNotEqualTo(original);
  }

  private static StoredEvent event(String payload, String metaData) {
    return new StoredEvent(
        "c1",
        3,
        "e-1",
        "2026-11-29T10:00:00.000Z",
        "GuestMoved.v1",
        null,
        payload.getBytes(StandardCharsets.UTF_8),
        metaData.getBytes(StandardCharsets.UTF_8));
  }
}
