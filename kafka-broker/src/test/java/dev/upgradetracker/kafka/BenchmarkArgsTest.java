package dev.upgradetracker.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchmarkArgsTest {

  @Test
  void readsNumbersInOrderWhereverTheOptionsAndFlagsStand() {
    var given = new BenchmarkArgs(new String[] {"6000", "--rate=200", "8", "--live"});

    assertThat(given.number(0, 2_000)).isEqualTo(6_000);
    assertThat(given.number(1, 8)).isEqualTo(8);
    assertThat(given.number(2, 100)).as("not given").isEqualTo(100);
    assertThat(given.option("--rate", 0)).isEqualTo(200);
    assertThat(given.option("--warmup", 2_000)).as("not given").isEqualTo(2_000);
    assertThat(given.flag("--live")).isTrue();
    assertThat(given.flag("--undisturbed")).isFalse();
  }

  @Test
  void anOptionIsMatchedByItsWholeName() {
    var given = new BenchmarkArgs(new String[] {"--warmups=5", "--timeline=/tmp/t.csv"});

    assertThat(given.option("--warmup", 7)).isEqualTo(7);
    assertThat(given.text("--timeline")).isEqualTo("/tmp/t.csv");
    assertThat(given.text("--rate")).isNull();
  }

  @Test
  void aNumberThatIsNoneIsRefused() {
    var given = new BenchmarkArgs(new String[] {"many", "--rate=fast"});

    assertThatThrownBy(() -> given.number(0, 1)).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> given.option("--rate", 1)).isInstanceOf(NumberFormatException.class);
  }
}
