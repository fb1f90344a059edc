package dev.upgradetracker.query.views;

import dev.upgradetracker.messaging.JsonSerde;
import dev.upgradetracker.messaging.Topics;
import dev.upgradetracker.query.activity.ActivityEntry;
import dev.upgradetracker.query.activity.TeamActivity;
import dev.upgradetracker.query.campaign.CampaignProgress;
import dev.upgradetracker.query.campaign.CampaignProjection;
import dev.upgradetracker.query.cluster.ClusterView;
import dev.upgradetracker.query.history.HistoryIndex;
import dev.upgradetracker.query.live.ViewChange;
import dev.upgradetracker.query.team.TallyChange;
import dev.upgradetracker.query.team.TeamSummary;
import dev.upgradetracker.query.web.ViewAdvances;
import java.time.Duration;
import java.util.List;
import java.util.function.ToLongFunction;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The read side's views, as one Kafka Streams topology: cluster views from {@link Topics#events()},
 * campaign progress from {@link Topics#campaignEvents()}, and per team a fleet summary and an
 * activity feed regrouped from the cluster views. A live topology also publishes every change to
 * {@link Topics#viewChanges()} for Server-Sent Events; a rebuild does not.
 */
public final class ViewsTopology {

  private static final Serde<String> KEYS = Serdes.String();

  /** Views remembered per store, to spare parsing them again: about as many as clusters in play. */
  private static final int REMEMBERED = 2_048;

  private ViewsTopology() {}

  /**
   * {@code LIVE}: the service's views, with changelogs (restored after a crash) and changes
   * published for live subscribers; {@code REBUILD}: a throwaway copy, neither.
   */
  public enum Run {
    LIVE,
    REBUILD
  }

  /**
   * How long a rebuild may hold records back before sending them on to the team views: one that
   * looks caught up has sent everything once it still looks so that much later, several times over.
   */
  public static final Duration REBUILD_HOLDS_BACK = Coalescing.HELD_FOR;

  /** The topics the views are built from. */
  public static List<String> inputTopics(Topics topics) {
    return List.of(topics.events(), topics.campaignEvents());
  }

  public static Topology build(Run run, Topics topics) {
    return build(run, topics, new ViewAdvances());
  }

  /** As {@link #build(Run, Topics)}; the live views tell {@code advances} of every fold. */
  public static Topology build(Run run, Topics topics, ViewAdvances advances) {
    var builder = new StreamsBuilder();
    var events = builder.stream(topics.events(), Consumed.with(KEYS, JsonSerde.envelopes()));
    builder.addStateStore(
        ViewStores.of(
            run,
            ClusterView.STORE,
            new RememberingSerde<>(ClusterView.class, ClusterView::clusterId, REMEMBERED)));
    var clusterChanges = events.process(ClusterFold::new, ClusterView.STORE);
    var campaignEvents =
        builder.stream(topics.campaignEvents(), Consumed.with(KEYS, JsonSerde.campaignEnvelopes()));
    var campaigns =
        campaignEvents
            .groupByKey()
            .aggregate(
                () -> null,
                (campaignId, envelope, view) ->
                    CampaignProjection.apply(
                        view == null ? CampaignProgress.empty(campaignId) : view, envelope),
                store(
                    run,
                    CampaignProgress.STORE,
                    new RememberingSerde<>(
                        CampaignProgress.class, CampaignProgress::campaignId, REMEMBERED)));
    var teams =
        (run == Run.LIVE
                ? clusterChanges
                : clusterChanges.process(Coalescing.NetClusterChanges::new))
            .flatMap(
                (clusterId, change) ->
                    TallyChange.between(change.before(), change.after()).stream()
                        .map(tally -> KeyValue.pair(tally.team(), tally))
                        .toList())
            .groupByKey(Grouped.with("team-tallies", KEYS, new JsonSerde<>(TallyChange.class)))
            .aggregate(
                () -> TeamSummary.NONE,
                (team, change, summary) -> change.applyTo(summary),
                store(
                    run,
                    TeamSummary.STORE,
                    new RememberingSerde<>(TeamSummary.class, TeamSummary::team, REMEMBERED)));
    builder.addStateStore(
        ViewStores.of(
            run,
            TeamActivity.STORE,
            new RememberingSerde<>(TeamActivity.class, TeamActivity::team, REMEMBERED)));
    var activity =
        clusterChanges
            .map((clusterId, change) -> KeyValue.pair(change.activityTeam(), change.activity()))
            .filter((team, entry) -> team != null);
    (run == Run.LIVE ? activity : activity.process(Coalescing.NewestPerTeam::new))
        .repartition(
            Repartitioned.<String, ActivityEntry>as("team-activity-entries")
                .withKeySerde(KEYS)
                .withValueSerde(new JsonSerde<>(ActivityEntry.class)))
        .process(ActivityFold::new, TeamActivity.STORE);
    if (run == Run.LIVE) {
      clusterChanges.foreach(
          (clusterId, change) -> advances.advanced(ClusterView.STORE, clusterId));
      // a child of the campaign events added after their aggregate runs after it has stored the
      // event (children run in the order added); the aggregate's own output waits for its cache
      campaignEvents.foreach(
          (campaignId, envelope) -> advances.advanced(CampaignProgress.STORE, campaignId));
      HistoryIndex.attach(builder, events, campaignEvents);
      var changes = topics.viewChanges();
      publish(
          clusterChanges.mapValues(ClusterChange::after),
          "cluster",
          ClusterView::lastSequence,
          changes);
      publish(campaigns.toStream(), "campaign", CampaignProgress::lastSequence, changes);
      publish(teams.toStream(), "team", TeamSummary::updates, changes);
    }
    return builder.build();
  }

  private static <V> void publish(
      KStream<String, V> views, String kind, ToLongFunction<V> position, String changes) {
    views
        .filter((key, view) -> view != null)
        .map(
            (key, view) ->
                KeyValue.pair(
                    ViewChange.subject(kind, key),
                    new ViewChange(kind, key, position.applyAsLong(view), view)))
        .to(changes, Produced.with(KEYS, new JsonSerde<>(ViewChange.class)));
  }

  private static <V> Materialized<String, V, KeyValueStore<Bytes, byte[]>> store(
      Run run, String name, Serde<V> values) {
    var store =
        Materialized.<String, V, KeyValueStore<Bytes, byte[]>>as(name)
            .withKeySerde(KEYS)
            .withValueSerde(values);
    return run == Run.LIVE ? store : store.withLoggingDisabled();
  }
}
