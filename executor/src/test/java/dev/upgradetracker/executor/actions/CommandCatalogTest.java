package dev.upgradetracker.executor.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandCatalogTest {

  private final CommandCatalog catalog = DefaultCatalog.load();

  @Test
  void namesGoIntoTheLineAsTheyAre() throws Exception {
    assertThat(catalog.line("run-package", Map.of("node", "vmh2", "package", "g1_db-01.prod")))
        .isEqualTo("cmrunpkg -n vmh2 g1_db-01.prod");
    assertThat(catalog.line("backup-guests", Map.of("guests", "g1 g2")))
        .isEqualTo("/opt/site/bin/backup-guests g1 g2");
    assertThat(catalog.line("install-kit", Map.of("guest", "g1"))).endsWith("HPVM-Guest @ g1:/");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "g1;reboot",
        "g1 && rm -rf /",
        "$(id)",
        "`id`",
        "g1'",
        "g1\"",
        "-rf",
        "g1\nreboot",
        "../../etc",
        ""
      })
  void anythingButANameIsRefusedAndNothingIsBuilt(String value) {
    assertThatThrownBy(() -> catalog.line("halt-package", Map.of("package", value)))
        .isInstanceOf(UnsafeValue.class)
        .hasMessageContaining("is not a name")
        .hasMessageContaining("nothing was sent");
    assertThatThrownBy(() -> catalog.line("backup-guests", Map.of("guests", "g1 " + value + "x;")))
        .isInstanceOf(UnsafeValue.class);
  }

  @Test
  void aValueTheShellWouldReadAsMoreThanOneWordIsQuoted() {
    assertThat(ShellWords.quote("g1")).isEqualTo("g1");
    assertThat(ShellWords.quote("a b")).isEqualTo("'a b'");
    assertThat(ShellWords.quote("it's")).isEqualTo("'it'\"'\"'s'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cmhaltpkg '{package}'",
        "cmhaltpkg \"{package}\"",
        "echo `cat {node}`",
        "echo $(cat {node})",
        "cmhaltpkg \\{package}",
        "cmhaltpkg '{package}",
        "cmhaltpkg {pkg}"
      })
  void aTemplateWherePlaceholdersWouldEscapeQuotingStopsStartUp(String template) {
    assertThatThrownBy(() -> new CommandCatalog(Map.of("halt-package", template)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("upgrade-tracker.executor.catalog.halt-package");
  }
}
