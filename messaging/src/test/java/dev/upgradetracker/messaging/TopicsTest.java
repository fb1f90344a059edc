package dev.upgradetracker.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTest {

  @Test
  void withoutANamespaceTheTopicsAndGroupsKeepTheirPlainNames() {
    assertThat(Topics.DEFAULT.events()).isEqualTo("upgrade.events");
    assertThat(Topics.DEFAULT.campaignEvents()).isEqualTo("upgrade.campaign-events");
    assertThat(Topics.DEFAULT.viewChanges()).isEqualTo("upgrade.view-changes");
    assertThat(Topics.DEFAULT.actionResults()).isEqualTo("upgrade.action-results");
    assertThat(Topics.DEFAULT.group("executor")).isEqualTo("executor");
    assertThat(new Topics(null)).isEqualTo(Topics.DEFAULT);
  }

  @Test
  void aNamespacePrefixesEveryTopicAndGroupSoTwoInstallationsShareNothing() {
    var blue = new Topics("blue");
    var green = new Topics("green");

    assertThat(blue.events()).isEqualTo("blue.upgrade.events");
    assertThat(blue.group("executor")).isEqualTo("blue.executor");
    assertThat(
            List.of(
                blue.events(),
                blue.campaignEvents(),
                blue.viewChanges(),
                blue.actionResults(),
                blue.group("executor")))
        .doesNotContainAnyElementsOf(
            List.of(
                green.events(),
                green.campaignEvents(),
                green.viewChanges(),
                green.actionResults(),
                green.group("executor")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"has space", "slash/ed", "ümlaut", "semi;colon"})
  void aNamespaceKafkaCannotNameIsRefusedWithTheSettingNamed(String namespace) {
    assertThatThrownBy(() -> new Topics(namespace))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("KAFKA_NAMESPACE")
        .hasMessageContaining("'" + namespace + "'");
  }

  @Test
  void aNamespaceLongerThanAHundredCharactersIsRefused() {
    assertThat(new Topics("a".repeat(100)).events()).hasSize(115);
    assertThatThrownBy(() -> new Topics("a".repeat(101))).hasMessageContaining("at most 100");
  }
}
