package dev.upgradetracker.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KafkaSettingsTest {

  private static KafkaSettings named(String instance) {
    return new KafkaSettings("127.0.0.1:9092", 1, (short) 1, "", KafkaSecurity.NONE, instance);
  }

  @Test
  void aProcessGivenNoNameIsNoNamedMember() {
    assertThat(named(null).instance()).isEmpty();
    assertThat(named("").instance()).isEmpty();
  }

  @Test
  void aNameOfLettersDigitsDotsAndDashesIsKept() {
    assertThat(named("executor-2").instance()).isEqualTo("executor-2");
    assertThat(named("exec_01.site-a").instance()).isEqualTo("exec_01.site-a");
  }

  @ParameterizedTest
  @ValueSource(strings = {"two words", "a;b", "naïve", "x\ny"})
  void aNameWithAnyOtherCharacterIsRefusedNamingTheSetting(String instance) {
    assertThatThrownBy(() -> named(instance))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("KAFKA_INSTANCE");
  }

  @Test
  void aNameOverSixtyFourCharactersIsRefusedAndQuotedShort() {
    assertThatThrownBy(() -> named("e".repeat(65)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("KAFKA_INSTANCE must be 1 to 64");
    assertThatThrownBy(() -> named("e".repeat(10_000))).hasMessageNotContaining("e".repeat(81));
  }
}
