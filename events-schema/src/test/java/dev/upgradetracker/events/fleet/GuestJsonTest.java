package dev.upgradetracker.events.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class GuestJsonTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void aGuestReadsWithItsFailoverNodesInOrder() {
    var guest =
        JSON.readValue(
            "{\"name\":\"g1\",\"host\":\"h1\",\"kitVersion\":\"A.03.50\",\"failoverNodes\":[\"h1\",\"h3\"]}",
            Guest.class);

    assertThat(guest.failoverNodes()).containsExactly("h1", "h3");
  }

  @Test
  void aGuestWithoutFailoverNodesMayRunAnywhereAndIsWrittenAsBefore() {
    var guest =
        JSON.readValue("{\"name\":\"g1\",\"host\":\"h1\",\"kitVersion\":\"A.03.50\"}", Guest.class);

    assertThat(guest.failoverNodes()).isNull();
    assertThat(JSON.writeValueAsString(guest))
        .isEqualTo("{\"name\":\"g1\",\"host\":\"h1\",\"kitVersion\":\"A.03.50\"}");
    assertThat(new Guest("g1", "h1", "A.03.50")).isEqualTo(guest);
    assertThat(new Guest("g1", "h1", "A.03.50", List.of("h1")).failoverNodes())
        .containsExactly("h1");
  }
}
