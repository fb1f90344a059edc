package dev.upgradetracker.messaging.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.messaging.JsonSerde;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JournalEntryTest {

  private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void eachEntryHoldsEveryLineSentSoFarSoCompactionLosesNothing() {
    var entry =
        JournalEntry.none("a1", "c1")
            .sending("cmhaltpkg g1", T)
            .sending("cmrunpkg -n h2 g1", T.plusSeconds(1));

    assertThat(entry.commandLines()).containsExactly("cmhaltpkg g1", "cmrunpkg -n h2 g1");
    assertThat(entry.finished()).isFalse();
    var finished = entry.finished(T.plusSeconds(2));
    assertThat(finished.finished()).isTrue();
    assertThat(finished.commandLines()).isEqualTo(entry.commandLines());
  }

  @Test
  void anEntryTravelsAsJsonAndReadsBackTheSame() {
    var serde = JsonSerde.journal();
    var entry = JournalEntry.none("a1", "c1").sending("update-ux -s d HPUX11i-VSE-OE", T);

    assertThat(serde.deserialize("t", serde.serialize("t", entry))).isEqualTo(entry);
  }
}
