package dev.upgradetracker.query.views;

import dev.upgradetracker.query.activity.ActivityEntry;
import dev.upgradetracker.query.activity.TeamActivity;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A rebuild's way to the team views: what one task would send through a repartition topic record by
 * record is held briefly and sent in one go, so that a cluster changed a hundred times sends its
 * tally once and a team's feed receives only the entries that can still be among its newest. Not
 * for the live views: held records wait up to {@link #HELD_FOR}, and a crash would lose them.
 */
final class Coalescing {

  /** How long records are held before they are sent; a rebuild counts as caught up after it. */
  static final Duration HELD_FOR = Duration.ofMillis(100);

  private Coalescing() {}

  /** Per cluster, one change from its view before the first held change to after the last. */
  static final class NetClusterChanges
      implements Processor<String, ClusterChange, String, ClusterChange> {

    private final Map<String, Record<String, ClusterChange>> held = new LinkedHashMap<>();
    private ProcessorContext<String, ClusterChange> context;

    @Override
    public void init(ProcessorContext<String, ClusterChange> context) {
      this.context = context;
      context.schedule(HELD_FOR, PunctuationType.WALL_CLOCK_TIME, now -> send());
    }

    @Override
    public void process(Record<String, ClusterChange> record) {
      held.merge(
          record.key(),
          record,
          (first, latest) ->
              latest.withValue(
                  new ClusterChange(
                      latest.value().event(), first.value().before(), latest.value().after())));
    }

    private void send() {
      held.values().forEach(context::forward);
      held.clear();
    }
  }

  /** Per team, the entries that can still be among its feed's newest. */
  static final class NewestPerTeam
      implements Processor<String, ActivityEntry, String, ActivityEntry> {

    private final Map<String, Record<String, TeamActivity>> held = new LinkedHashMap<>();
    private ProcessorContext<String, ActivityEntry> context;

    @Override
    public void init(ProcessorContext<String, ActivityEntry> context) {
      this.context = context;
      context.schedule(HELD_FOR, PunctuationType.WALL_CLOCK_TIME, now -> send());
    }

    @Override
    public void process(Record<String, ActivityEntry> record) {
      var team = record.key();
      var feed = held.get(team);
      var before = feed == null ? TeamActivity.NONE : feed.value();
      held.put(team, record.withValue(before.add(team, record.value())));
    }

    private void send() {
      held.forEach(
          (team, feed) ->
              feed.value().entries().forEach(entry -> context.forward(feed.withValue(entry))));
      held.clear();
    }
  }
}
