package dev.upgradetracker.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

class BackendChoiceTest {

  private static final BooleanSupplier DOCKER = () -> true;
  private static final BooleanSupplier NO_DOCKER = () -> false;

  @Test
  void byDefaultTheTestsTakeContainersWhereDockerAnswersAndTheLocalOnesElsewhere() {
    assertThat(BackendChoice.of(null, DOCKER)).isEqualTo(TestBackend.CONTAINERS);
    assertThat(BackendChoice.of(null, NO_DOCKER)).isEqualTo(TestBackend.LOCAL);
    assertThat(BackendChoice.of(" ", NO_DOCKER)).isEqualTo(TestBackend.LOCAL);
    assertThat(BackendChoice.of("AUTO", DOCKER)).isEqualTo(TestBackend.CONTAINERS);
  }

  @Test
  void localIsTakenWithoutAskingDocker() {
    BooleanSupplier asked =
        () -> {
          throw new AssertionError("Docker asked");
        };

    assertThat(BackendChoice.of("local", asked)).isEqualTo(TestBackend.LOCAL);
  }

  @Test
  void containersAreTakenWhereDockerAnswersAndRefusedWhereItDoesNotRatherThanQuietlyReplaced() {
    assertThat(BackendChoice.of("containers", DOCKER)).isEqualTo(TestBackend.CONTAINERS);
    assertThatThrownBy(() -> BackendChoice.of("containers", NO_DOCKER))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("UT_TEST_INFRA=containers")
        .hasMessageContaining("no Docker engine answers");
  }

  @Test
  void anUnknownSettingIsRefusedNamingTheChoices() {
    assertThatThrownBy(() -> BackendChoice.of("kubernetes", DOCKER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("auto, local or containers")
        .hasMessageContaining("'kubernetes'");
  }

  @Test
  void theKafkaContainerRunsTheVersionOfTheKafkaClientsOnTheClassPath() {
    var clientsJar =
        Path.of(Admin.class.getProtectionDomain().getCodeSource().getLocation().getPath())
            .getFileName()
            .toString();

    assertThat(clientsJar).isEqualTo("kafka-clients-" + TestKafka.IMAGE.getVersionPart() + ".jar");
  }
}
