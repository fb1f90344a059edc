package dev.upgradetracker.query.views;

import dev.upgradetracker.query.activity.ActivityEntry;
import dev.upgradetracker.query.activity.TeamActivity;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;

/** Adds each activity entry, keyed by its team, to that team's feed. */
final class ActivityFold implements Processor<String, ActivityEntry, Void, Void> {

  private TimestampedKeyValueStore<String, TeamActivity> feeds;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.feeds = context.getStateStore(TeamActivity.STORE);
  }

  @Override
  public void process(Record<String, ActivityEntry> record) {
    var team = record.key();
    var stored = feeds.get(team);
    var before = stored == null ? TeamActivity.NONE : stored.value();
    var after = before.add(team, record.value());
    if (after != before) {
      feeds.put(team, ViewStores.stamped(after, record.timestamp(), stored));
    }
  }
}
