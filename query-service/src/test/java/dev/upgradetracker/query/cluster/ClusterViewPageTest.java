package dev.upgradetracker.query.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upgradetracker.messaging.Json;
import dev.upgradetracker.query.cluster.ClusterView.GuestView;
import dev.upgradetracker.query.web.BadQuery;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClusterViewPageTest {

  private static final ClusterView TEN_GUESTS =
      ClusterView.empty("c1")
          .change(
              d ->
                  d.guests =
                      IntStream.rangeClosed(1, 10)
                          .mapToObj(n -> new GuestView("g" + n, "h1", "A.03.50", false, null))
                          .toList());

  @Test
  void answersThePageAskedForWithTheTotal() {
    var page = ClusterViewPage.of(TEN_GUESTS, 1, 4);

    assertThat(page.view().guests())
        .extracting(GuestView::name)
        .containsExactly("g5", "g6", "g7", "g8");
    assertThat(page.guestsPage()).isEqualTo(new ClusterViewPage.GuestsPage(1, 4, 10));
  }

  @Test
  void aPagePastTheEndIsEmptyNotAnError() {
    assertThat(ClusterViewPage.of(TEN_GUESTS, 5, 4).view().guests()).isEmpty();
  }

  @Test
  void readsAsTheViewItselfWithItsPageBeside() {
    var json =
        Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(ClusterViewPage.of(TEN_GUESTS, 0, 3)));

    assertThat(json.path("clusterId").asString()).isEqualTo("c1");
    assertThat(json.path("guests")).hasSize(3);
    assertThat(json.path("guestsPage").path("total").asInt()).isEqualTo(10);
    assertThat(json.has("view")).isFalse();
  }

  @Test
  void aSizeOverTheLimitIsRefusedNamingTheParameter() {
    assertThatThrownBy(() -> ClusterViewPage.of(TEN_GUESTS, 0, 501))
        .isInstanceOf(BadQuery.class)
        .hasMessageContaining("guestSize must be between 1 and 500");
  }
}
