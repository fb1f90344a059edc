package dev.upgradetracker.query.views;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RememberingSerdeTest {

  record Counter(String id, int count) {}

  private final RememberingSerde<Counter> serde =
      new RememberingSerde<>(Counter.class, Counter::id, 2);

  @Test
  void aViewReadFromTheBytesItWasWrittenAsIsTheViewWrittenNotParsedAgain() {
    var written = new Counter("c1", 1);

    var read = serde.deserialize("t", serde.serialize("t", written));

    assertThat(read).isSameAs(written);
  }

  @Test
  void aVersionSupersededByANewerOneIsForgottenAndReadAgainByParsing() {
    var first = new Counter("c1", 1);
    var firstBytes = serde.serialize("t", first);
    serde.serialize("t", new Counter("c1", 2));

    var read = serde.deserialize("t", firstBytes);

    assertThat(read).isEqualTo(first).isNotSameAs(first);
  }

  @Test
  void itHoldsOneVersionOfEachViewHoweverOftenTheViewsChange() {
    var serde = new RememberingSerde<>(Counter.class, Counter::id, 1_000);
    for (int count = 0; count < 100; count++) {
      serde.serialize("t", new Counter("c1", count));
      serde.serialize("t", new Counter("c2", count));
    }

    assertThat(serde.remembered()).isEqualTo(2);
  }

  @Test
  void beyondItsCapacityTheLeastRecentlyUsedViewIsForgotten() {
    var c1 = new Counter("c1", 1);
    var c1Bytes = serde.serialize("t", c1);
    var c2 = new Counter("c2", 1);
    var c2Bytes = serde.serialize("t", c2);
    serde.deserialize("t", c1Bytes);

    serde.serialize("t", new Counter("c3", 1));

    assertThat(serde.remembered()).isEqualTo(2);
    assertThat(serde.deserialize("t", c1Bytes)).isSameAs(c1);
    assertThat(serde.deserialize("t", c2Bytes)).isEqualTo(c2).isNotSameAs(c2);
  }

  @Test
  void aViewWithoutAnIdIsParsedEveryTime() {
    var anonymous = new Counter(null, 0);

    var read = serde.deserialize("t", serde.serialize("t", anonymous));

    assertThat(read).isEqualTo(anonymous).isNotSameAs(anonymous);
    assertThat(serde.remembered()).isZero();
  }
}
