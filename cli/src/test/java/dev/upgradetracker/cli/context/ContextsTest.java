package dev.upgradetracker.cli.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.cli.FakeCommandService;
import dev.upgradetracker.cli.FakeCommandService.Run;
import dev.upgradetracker.cli.api.Api;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code upgrade config}: named contexts (URLs and a token) in a file of the user's own, as kubectl
 * keeps them; a command takes what its options and the environment leave open from the context in
 * use, or from the one named by {@code --context}.
 */
class ContextsTest {

  private static final String CAMPAIGN =
      """
      {"campaignId": "spring", "status": "RUNNING", "team": "alpha", "counts": {}, "clusters": []}
      """;

  private final FakeCommandService services = new FakeCommandService();

  @TempDir Path dir;
  private Path config;

  @BeforeEach
  void setUp() {
    config = dir.resolve("upgrade").resolve("config.yaml");
    services.answer("/api/campaigns/spring", CAMPAIGN);
  }

  @AfterEach
  void stop() {
    services.close();
  }

  @Test
  void aCommandTakesTheUrlsAndTheTokenOfTheContextInUse() {
    config("set-context", "lab", "--command-url", services.url(), "--query-url", services.url());
    config("set-context", "lab", "--token", "lab-token", "--use");

    var run = upgrade("campaign", "show", "spring");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("campaign spring  RUNNING");
    assertThat(services.authorizations()).containsExactly("Bearer lab-token");
  }

  @Test
  void anOptionGivenWinsOverTheContext() {
    config("set-context", "lab", "--query-url", services.url(), "--token", "lab-token", "--use");

    var run = upgrade("campaign", "show", "spring", "--token", "my-own-token");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(services.authorizations()).containsExactly("Bearer my-own-token");
  }

  @Test
  void contextPicksAnotherContextForOneCallOnly() {
    config("set-context", "prod", "--query-url", "http://127.0.0.1:1", "--token", "t", "--use");
    config("set-context", "lab", "--query-url", services.url(), "--token", "lab-token");

    var run = upgrade("campaign", "show", "spring", "--context", "lab");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(services.authorizations()).containsExactly("Bearer lab-token");
    assertThat(Api.JSON.readTree(config("get-contexts", "-o", "json").out()).path("current"))
        .hasToString("\"prod\"");
  }

  @Test
  void anUnknownContextIsWrongUsageNamingTheKnownOnesAndNothingIsSent() {
    config("set-context", "lab", "--query-url", services.url(), "--token", "lab-token");

    var run = upgrade("campaign", "show", "spring", "--context", "staging");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no context staging; known: lab");
    assertThat(services.requests()).isEmpty();
  }

  @Test
  void theFileIsKeptForItsOwnerAloneAndOneOthersMayReadIsRefused() throws IOException {
    config("set-context", "lab", "--query-url", services.url(), "--token", "lab-token", "--use");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config)))
        .isEqualTo("rw-------");

    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
    var run = upgrade("campaign", "show", "spring");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("others may read or change it; chmod 600 " + config);
    assertThat(services.requests()).isEmpty();
  }

  @Test
  void theContextsAreListedWithTheOneInUseButNeverTheirTokens() {
    config("set-context", "lab", "--query-url", services.url(), "--token", "secret-1", "--use");
    config("set-context", "prod", "--command-url", "https://cmd.example");

    var table = config("get-contexts").out();
    var json = Api.JSON.readTree(config("get-contexts", "-o", "json").out());

    assertThat(table).contains("* lab").contains("  prod").doesNotContain("secret-1");
    assertThat(json.path("contexts").get(0).path("token").asBoolean()).isTrue();
    assertThat(json.path("contexts").get(1).path("token").asBoolean()).isFalse();
  }

  @Test
  void deletingTheContextInUseLeavesNoneInUse() {
    config("set-context", "lab", "--token", "lab-token", "--use");

    config("delete-context", "lab");
    var run = upgrade("campaign", "show", "spring", "--query-url", services.url());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no token");
  }

  @Test
  void aBadContextNameIsRefusedAndTheFileLeftAsItWas() throws IOException {
    config("set-context", "lab", "--token", "lab-token");
    var before = Files.readString(config);

    var run = config("set-context", "../etc", "--token", "x");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("context name ../etc");
    assertThat(Files.readString(config)).isEqualTo(before);
  }

  @Test
  void aFileThatIsNotAContextsFileOrTooLargeIsRefusedNamingIt() throws IOException {
    Files.createDirectories(config.getParent());
    Files.writeString(config, "contexts:\n  lab:\n    tokn: typo\n");
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
    var typo = config("get-contexts");
    Files.writeString(config, "#".repeat((int) ContextFile.MAX_BYTES + 1));
    var huge = config("get-contexts");

    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err()).contains(config + " is not a contexts file").contains("tokn");
    assertThat(huge.exitCode()).isEqualTo(2);
    assertThat(huge.err()).contains("larger than");
  }

  private Run config(String... args) {
    var all = new ArrayList<>(List.of("config"));
    all.addAll(List.of(args));
    return upgrade(all.toArray(String[]::new));
  }

  private Run upgrade(String... args) {
    var all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--config", config.toString()));
    return FakeCommandService.runAlone(all.toArray(String[]::new));
  }
}
