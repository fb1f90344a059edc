package dev.upgradetracker.query.history;

import static dev.upgradetracker.query.views.ViewsDriver.T0;
import static dev.upgradetracker.query.views.ViewsDriver.cluster;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.action.ActionOutcome;
import dev.upgradetracker.events.action.ActionStatus;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignStarted;
import dev.upgradetracker.events.campaign.CampaignEvent.ClusterAdmitted;
import dev.upgradetracker.events.campaign.CampaignEvent.StepSkipRequested;
import dev.upgradetracker.events.campaign.CampaignOptions;
import dev.upgradetracker.events.campaign.FailurePolicy;
import dev.upgradetracker.events.cluster.ClusterEvent;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignAttached;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignDetached;
import dev.upgradetracker.events.cluster.ClusterEvent.GuestMoved;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionSucceeded;
import dev.upgradetracker.events.cluster.HostAction.MoveGuest;
import dev.upgradetracker.events.fleet.UpgradeMode;
import dev.upgradetracker.messaging.Json;
import dev.upgradetracker.query.cluster.ClusterView;
import dev.upgradetracker.query.views.ViewsDriver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HistoryTest {

  private static final List<String> MOVE_COMMANDS = List.of("cmhaltpkg g1", "cmrunpkg -n h2 g1");

  private final ViewsDriver driver = new ViewsDriver();
  private final HistoryReader history = new HistoryReader(driver.stores());
  private final List<ClusterView> liveViews = new ArrayList<>();

  @BeforeEach
  void anUpgradeOfOneGuestMoveInACampaignBesideAnotherTeamsCluster() {
    sendCluster(0, cluster("c1", "alpha"));
    driver.send("bravo", 5, cluster("c2", "bravo"));
    driver.send(
        9,
        new CampaignStarted(
            "k1",
            "alpha",
            List.of("c1"),
            new CampaignOptions(
                1,
                new FailurePolicy(false, 0),
                false,
                null,
                UpgradeMode.UPDATE,
                Duration.ofMinutes(30))));
    driver.send(10, new ClusterAdmitted("k1", "c1"));
    sendCluster(10, new CampaignAttached("c1", "k1"));
    sendCluster(
        20,
        new HostActionRequested("c1", "a1", "h1", "127.0.0.1:1", new MoveGuest("g1", "h1", "h2")));
    sendCluster(
        30,
        new HostActionSucceeded(
            "c1",
            "a1",
            "h1",
            new ActionOutcome(
                ActionStatus.SUCCEEDED,
                0,
                "package g1 halted\nrunning on h2",
                1_200,
                MOVE_COMMANDS,
                "SHA256:x")));
    sendCluster(31, new GuestMoved("c1", "g1", "h1", "h2", "a1"));
    driver.send(35, new StepSkipRequested("k1", "c1", "k1/c1/3", "backup already taken by hand"));
    sendCluster(40, new CampaignDetached("c1", "k1"));
    sendCluster(50, new GuestMoved("c1", "g2", "h2", "h1", "a2"));
  }

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void aClustersHistoryListsEveryEventInOrderWithWhoWhyAndWhatRanOnTheHost() {
    var entries = history.cluster("c1", HistoryFilter.of(null, null, null, null, null, null));

    assertThat(entries)
        .extracting(HistoryEntry::type)
        .containsExactly(
            "ClusterRegistered",
            "CampaignAttached",
            "HostActionRequested",
            "HostActionSucceeded",
            "GuestMoved",
            "CampaignDetached",
            "GuestMoved");
    assertThat(entries)
        .extracting(HistoryEntry::position)
        .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(entries)
        .extracting(HistoryEntry::campaignId)
        .containsExactly(null, "k1", "k1", "k1", "k1", "k1", null);
    assertThat(entries).allSatisfy(entry -> assertThat(entry.owner()).isEqualTo("alpha"));
    var requested = entries.get(2);
    assertThat(requested.user()).isEqualTo("anna");
    assertThat(requested.correlationId()).isEqualTo("r1");
    assertThat(requested.causationId()).isEqualTo("c2");
    assertThat(requested.action().request()).isEqualTo("MoveGuest guest=g1 fromHost=h1 toHost=h2");
    var ran = entries.get(3).action();
    assertThat(ran.commandLines()).isEqualTo(MOVE_COMMANDS);
    assertThat(ran.exitCode()).isZero();
    assertThat(ran.durationMillis()).isEqualTo(1_200);
    assertThat(ran.output()).contains("running on h2");
  }

  @Test
  void aLongHistoryIsReadARangeOfPositionsAtATime() {
    assertThat(history.length("c1")).isEqualTo(7);
    assertThat(history.length("nowhere")).isZero();
    assertThat(history.slice("c1", 2, 3))
        .extracting(HistoryEntry::position)
        .containsExactly(2L, 3L, 4L);
    assertThat(history.slice("c1", 6, 3)).extracting(HistoryEntry::position).containsExactly(6L);
    assertThat(history.slice("c1", 7, 3)).isEmpty();
  }

  @Test
  void anEventDeliveredTwiceIsKeptOnce() {
    driver.send(4, "alpha", 31, new GuestMoved("c1", "g1", "h1", "h2", "a1"));

    assertThat(history.records("c1")).hasSize(7);
  }

  @Test
  void aHostsHistoryHoldsTheEventsThatNameIt() {
    var h2 = history.cluster("c1", HistoryFilter.of(null, null, null, "h2", null, null));

    assertThat(h2)
        .extracting(entry -> entry.type() + "@" + entry.position())
        .containsExactly("HostActionRequested@2", "GuestMoved@4", "GuestMoved@6");
  }

  @Test
  void aCampaignsHistoryInterleavesItsEventsWithItsClustersEventsWhileAttached() {
    var entries = history.fleet(HistoryFilter.of(null, "k1", null, null, null, null), null, 1_000);

    assertThat(entries)
        .extracting(entry -> entry.kind() + ":" + entry.type())
        .containsExactly(
            "campaign:CampaignStarted",
            "campaign:ClusterAdmitted",
            "cluster:CampaignAttached",
            "cluster:HostActionRequested",
            "cluster:HostActionSucceeded",
            "cluster:GuestMoved",
            "campaign:StepSkipRequested",
            "cluster:CampaignDetached");
    assertThat(entries.get(6).summary()).contains("reason=backup already taken by hand");
    assertThat(entries.get(6).owner()).isEqualTo("alpha");
  }

  @Test
  void aTimeOrderedHistoryIsReadAPageAtATimeFromTheCursorOfTheLastPage() {
    var everything = HistoryFilter.of(null, null, null, null, null, null);
    var whole = history.fleet(everything, null, 1_000);

    var pages = new ArrayList<HistoryEntry>();
    String after = null;
    for (var page = history.fleet(everything, after, 3);
        !page.isEmpty();
        page = history.fleet(everything, after, 3)) {
      assertThat(page.size()).isLessThanOrEqualTo(3);
      pages.addAll(page);
      after = HistoryKeys.timeKeyOf(page.getLast());
    }

    assertThat(whole).hasSize(11).isSortedAccordingTo(HistoryEntry.IN_TIME_ORDER);
    assertThat(pages).isEqualTo(whole);
  }

  @Test
  void aTeamsHistoryInATimeRangeHoldsItsOwnEventsInThatRangeOnly() {
    var bravo = history.fleet(HistoryFilter.of("bravo", null, null, null, null, null), null, 1_000);
    var alphaFrom20To31 =
        history.fleet(
            HistoryFilter.of(
                "alpha",
                null,
                null,
                null,
                T0.plusSeconds(20).toString(),
                T0.plusSeconds(31).toString()),
            null,
            1_000);

    assertThat(bravo).extracting(HistoryEntry::clusterId).containsExactly("c2");
    assertThat(alphaFrom20To31)
        .extracting(HistoryEntry::type)
        .containsExactlyInAnyOrder("HostActionRequested", "HostActionSucceeded");
  }

  @Test
  void theStateAsOfAnyPositionOrInstantIsWhatTheLiveViewShowedThen() {
    var records = history.records("c1");

    for (int position = 0; position < liveViews.size(); position++) {
      var live = liveViews.get(position);
      var byPosition = TimeTravel.asOf("c1", records, Long.toString(position)).orElseThrow();
      var justAfter = live.lastEventAt().plusMillis(500).toString();
      var byInstant = TimeTravel.asOf("c1", records, justAfter).orElseThrow();

      assertThat(byPosition.state()).isEqualTo(live);
      assertThat(byInstant.state()).isEqualTo(live);
      assertThat(byInstant.position()).isEqualTo(position);
    }
    assertThat(TimeTravel.asOf("c1", records, T0.minusSeconds(1).toString())).isEmpty();
  }

  @Test
  void aDiffNamesWhatChangedBetweenTwoPoints() {
    var records = history.records("c1");
    var before = TimeTravel.asOf("c1", records, "3").orElseThrow().state();
    var after = TimeTravel.asOf("c1", records, "4").orElseThrow().state();

    var changes =
        JsonDiff.between(
            Json.MAPPER.valueToTree(before),
            Json.MAPPER.valueToTree(after),
            Set.of("activity", "actions", "lastSequence", "lastEventAt", "progress"));

    assertThat(changes)
        .extracting(change -> change.path() + ": " + change.before() + " -> " + change.after())
        .containsExactly("guests[g1].host: \"h1\" -> \"h2\"");
  }

  @Test
  void aCsvExportHasARowPerEventWithCommandLinesInOneQuotedCell() {
    var csv =
        HistoryCsv.of(history.cluster("c1", HistoryFilter.of(null, null, null, null, null, null)));

    var rows = csv.split("\r\n");
    assertThat(rows).hasSize(8);
    assertThat(rows[0]).isEqualTo(HistoryCsv.HEADER);
    assertThat(rows[4])
        .contains(",cluster,c1,k1,3,HostActionSucceeded,alpha,")
        .contains(
            ",h1,a1,SUCCEEDED,0,1200,\"cmhaltpkg g1\ncmrunpkg -n h2 g1\",\"package g1 halted\nrunning on h2\",");
  }

  @Test
  void aCsvExportNeutralisesCellsASpreadsheetWouldRunAsFormulas() {
    var entry =
        new HistoryEntry(
            "cluster",
            "c1",
            null,
            -1,
            "e1",
            Instant.parse("2026-11-25T10:00:00Z"),
            "alpha",
            "alpha",
            "@SUM(A1)",
            "-anna",
            "=1+1",
            "+cmd|' /C calc'!A0",
            "GuestMoved",
            "-2+3",
            null,
            null,
            null,
            null);

    var row = HistoryCsv.of(List.of(entry)).split("\r\n")[1];

    assertThat(row)
        .contains(",-1,")
        .contains(",'@SUM(A1),'-anna,'=1+1,'+cmd|' /C calc'!A0,")
        .contains(",'-2+3,");
  }

  private void sendCluster(long seconds, ClusterEvent event) {
    driver.send("alpha", seconds, event);
    liveViews.add(driver.view(ClusterView.STORE, event.clusterId()));
  }
}
