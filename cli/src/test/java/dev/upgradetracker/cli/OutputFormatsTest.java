package dev.upgradetracker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.cli.api.Api;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code -o json} and {@code -o yaml} on every command: a script reads the services' answer, the
 * same in both; the table stays the default.
 */
class OutputFormatsTest {

  /** One answer that every command can print: a finished campaign, intact chains, no items. */
  private static final String ANSWER =
      """
      {"campaignId": "spring", "position": 7, "status": "COMPLETED", "team": "alpha",
       "counts": {"done": 1, "total": 1, "stepsCompleted": 15, "stepsPlanned": 15, "percent": 100.0},
       "clusters": [{"clusterId": "c1", "phase": "DONE", "stepsCompleted": 15}],
       "intact": true, "ok": true, "aggregateId": "c1", "events": 40,
       "published": {"problems": [], "inFlight": [], "matching": 1},
       "items": [], "total": 0, "hosts": [], "refused": 0, "change": "ASSIGNED",
       "steps": [], "changes": []}
      """;

  /** Each command that does something, with arguments it accepts. */
  private static final Map<String, List<String>> INVOCATIONS =
      Map.ofEntries(
          Map.entry("fleet import", List.of("fleet", "import", "FILE")),
          Map.entry("hosts import", List.of("hosts", "import", "FILE")),
          Map.entry(
              "hosts assign",
              List.of("hosts", "assign", "h1", "--address", "10.0.0.1:22", "--team", "alpha")),
          Map.entry("hosts release", List.of("hosts", "release", "h1")),
          Map.entry("hosts list", List.of("hosts", "list")),
          Map.entry("plan", List.of("plan", "c1")),
          Map.entry("campaign start", List.of("campaign", "start", "c1")),
          Map.entry("campaign show", List.of("campaign", "show", "spring")),
          Map.entry("campaign pause", List.of("campaign", "pause", "spring")),
          Map.entry("campaign resume", List.of("campaign", "resume", "spring")),
          Map.entry("campaign abort", List.of("campaign", "abort", "spring", "--reason", "freeze")),
          Map.entry("campaign retry", List.of("campaign", "retry", "spring", "c1")),
          Map.entry(
              "campaign skip", List.of("campaign", "skip", "spring", "c1", "--reason", "taped")),
          Map.entry(
              "campaign approve", List.of("campaign", "approve", "spring", "c1", "--host", "h1")),
          Map.entry("watch", List.of("watch", "campaign", "spring")),
          Map.entry("history", List.of("history", "--cluster", "c1")),
          Map.entry("state", List.of("state", "c1", "--position", "3")),
          Map.entry("diff", List.of("diff", "c1", "1", "2")),
          Map.entry("verify", List.of("verify", "--cluster", "c1")),
          Map.entry(
              "config set-context",
              List.of("config", "set-context", "prod", "--command-url", "https://cmd.example")),
          Map.entry("config use-context", List.of("config", "use-context", "lab")),
          Map.entry("config delete-context", List.of("config", "delete-context", "lab")),
          Map.entry("config get-contexts", List.of("config", "get-contexts")));

  /** Prints a script for the shell, not an answer. */
  private static final Set<String> NOT_AN_ANSWER = Set.of("completion");

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private final FakeCommandService services = new FakeCommandService();

  @TempDir Path dir;

  @BeforeEach
  void answers() throws IOException {
    services.answerAnyOtherPath(ANSWER);
    services.answer(
        "/api/live/campaigns/spring", "data: " + Api.JSON.readTree(ANSWER).toString() + "\n\n");
    Files.writeString(dir.resolve("fleet.json"), "{\"clusters\": []}");
  }

  @AfterEach
  void stop() {
    services.close();
  }

  @Test
  void everyCommandHasAnInvocationHere() {
    assertThat(INVOCATIONS.keySet())
        .containsExactlyInAnyOrderElementsOf(
            CommandTree.leaves().stream()
                .map(path -> String.join(" ", path))
                .filter(command -> !NOT_AN_ANSWER.contains(command))
                .toList());
  }

  static Stream<String> commands() {
    return INVOCATIONS.keySet().stream().sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void jsonAndYamlPrintTheSameAnswerThatAScriptReads(String command) {
    var json = run(command, "-o", "json");
    var yaml = run(command, "-o", "yaml");

    JsonNode read = Api.JSON.readTree(json);
    assertThat(read.isObject() || read.isArray()).as(json).isTrue();
    assertThat(YAML.readTree(yaml)).as(yaml).isEqualTo(read);
  }

  @Test
  void theTableIsTheDefaultAndJsonCanBeAskedInCapitals() {
    var table = run("campaign show");
    var json = run("campaign show", "-o", "JSON");

    assertThat(table).startsWith("campaign spring  COMPLETED").contains("100.0% (steps 15 of 15)");
    assertThat(Api.JSON.readTree(json).path("counts").path("stepsPlanned").asInt()).isEqualTo(15);
  }

  @Test
  void theOlderJsonFlagStillPrintsJson() {
    var json = run("state", "--json");

    assertThat(Api.JSON.readTree(json).path("campaignId").asString()).isEqualTo("spring");
  }

  @Test
  void anUnknownFormatIsWrongUsageNamingTheChoices() {
    var run = services.run("campaign", "show", "spring", "-o", "xml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("xml").contains("TABLE, JSON, YAML");
    assertThat(services.requests()).isEmpty();
  }

  private String run(String command, String... format) {
    var args = new ArrayList<String>();
    for (var arg : INVOCATIONS.get(command)) {
      args.add(arg.equals("FILE") ? dir.resolve("fleet.json").toString() : arg);
    }
    args.addAll(List.of(format));
    FakeCommandService.Run run;
    if (command.startsWith("config ")) {
      var config = dir.resolve("config.yaml").toString();
      FakeCommandService.runAlone("config", "set-context", "lab", "--config", config);
      args.addAll(List.of("--config", config));
      run = FakeCommandService.runAlone(args.toArray(String[]::new));
    } else {
      run = services.run(args.toArray(String[]::new));
    }
    assertThat(run.exitCode()).as(command + ": " + run.err()).isZero();
    return run.out();
  }
}
