package dev.upgradetracker.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TakenPortTest {

  @TempDir Path dataDir;

  @Test
  void refusesToStartWhenAServicePortIsTakenAndStartsNothing() throws Exception {
    try (var taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("127.0.0.1", 0));
      var settings =
          new LauncherSettings(
              LauncherSettings.repositoryRoot(),
              dataDir,
              Optional.empty(),
              "",
              0,
              0,
              taken.getLocalPort(),
              0,
              0,
              0,
              1,
              LauncherSettings.DEMO_TEAMS,
              true,
              Map.of(),
              Optional.empty(),
              Scale.SINGLE);

      assertThatThrownBy(() -> Stack.start(settings))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "port "
                  + taken.getLocalPort()
                  + " (QUERY_SERVICE_PORT) is in use; is another Upgrade Tracker running? Stop it, or set QUERY_SERVICE_PORT to a free port");
      assertThat(dataDir).isEmptyDirectory();
    }
  }
}
