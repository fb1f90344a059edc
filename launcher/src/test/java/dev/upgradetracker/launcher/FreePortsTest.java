package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class FreePortsTest {

  @Test
  void aSeriesIsRefusedWhenTheSecondInstancesPortIsHeld() throws Exception {
    int first = TestStacks.freePort();
    try (var secondInstances = new ServerSocket(first + Scale.PORT_STEP)) {
      int onlyFirst = secondInstances.getLocalPort() - Scale.PORT_STEP;
      var ports = new FreePorts(onlyFirst, onlyFirst + 1);

      assertThatThrownBy(() -> ports.series(2, Scale.PORT_STEP))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("no 2 free ports 100 apart");
    }
  }

  @Test
  void aSeriesWhosePortsAreAllFreeIsHandedOut() {
    int first = TestStacks.freePort();
    var ports = new FreePorts(first, first + 1);

    assertThat(ports.series(2, Scale.PORT_STEP)).isEqualTo(first);
  }

  @Test
  void aPortHandedOutIsNotHandedOutAgainBeforeAnyoneBindsIt() {
    int first = TestStacks.freePort();
    var ports = new FreePorts(first, first + 1);
    ports.series(2, Scale.PORT_STEP);

    assertThatThrownBy(ports::one).isInstanceOf(UncheckedIOException.class);
  }
}
