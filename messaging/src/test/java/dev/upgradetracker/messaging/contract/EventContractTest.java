package dev.upgradetracker.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EventContractTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  static Stream<String> currentTypes() {
    return EventContract.eventTypes().stream().sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("currentTypes")
  void theGoldenFixtureOfEachEventTypeKeepsItsSchema(String type) throws IOException {
    var fixture = JSON.readTree(GOLDEN.resolve(type + ".json").toFile());
    var event = fixture.has("event") ? fixture.get("event") : fixture;

    assertThat(EventContract.problems(event)).isEmpty();
  }

  @Test
  void aTypeAloneDoesNotKeepTheContract() {
    var problems = EventContract.problems(JSON.readTree("{\"type\":\"GuestMoved.v1\"}"));

    assertThat(String.join("\n", problems))
        .contains("clusterId")
        .contains("guest")
        .contains("fromHost")
        .contains("toHost")
        .contains("actionId");
  }

  @Test
  void nullIsRefusedWhereTheRecordDoesNotMarkTheFieldNullable() throws IOException {
    var moved =
        (ObjectNode) JSON.readTree(GOLDEN.resolve("GuestMoved.v1.json").toFile()).get("event");
    moved.putNull("toHost");

    assertThat(EventContract.problems(moved)).singleElement().asString().contains("toHost");
  }

  @Test
  void nullIsAcceptedWhereTheRecordMarksTheFieldNullable() throws IOException {
    var finished =
        (ObjectNode)
            JSON.readTree(GOLDEN.resolve("CampaignStepFinished.v1.json").toFile()).get("event");
    finished.putNull("skipReason");

    assertThat(EventContract.problems(finished)).isEmpty();
  }

  @Test
  void addedFieldsKeepTheContractForTolerantReaders() throws IOException {
    var moved =
        (ObjectNode) JSON.readTree(GOLDEN.resolve("GuestMoved.v1.json").toFile()).get("event");
    moved.put("addedLater", "x");

    assertThat(EventContract.problems(moved)).isEmpty();
  }

  @Test
  void anUnknownTypeHasNoContract() {
    assertThat(EventContract.problems(JSON.readTree("{\"type\":\"Forged.v9\"}")))
        .containsExactly("no schema for event type 'Forged.v9'");
  }
}
