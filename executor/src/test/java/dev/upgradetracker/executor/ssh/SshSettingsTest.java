package dev.upgradetracker.executor.ssh;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SshSettingsTest {

  @Test
  void refusesToAllowNoHandshakeAtAllNamingTheSetting() {
    assertThatThrownBy(
            () ->
                new SshSettings(
                    "root",
                    Path.of("id_ecdsa"),
                    Path.of("known_hosts"),
                    Duration.ofSeconds(10),
                    Duration.ofMinutes(10),
                    0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("upgrade-tracker.executor.ssh.handshakes")
        .hasMessageContaining("was 0");
  }
}
