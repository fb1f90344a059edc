package dev.upgradetracker.query.views;

import dev.upgradetracker.events.EventEnvelope;
import dev.upgradetracker.query.cluster.ClusterProjection;
import dev.upgradetracker.query.cluster.ClusterView;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;

/**
 * Folds each cluster event into its cluster's view and passes on what changed, for the views that
 * derive from it (team summaries, team activity, live changes). An event seen before changes
 * nothing and passes nothing on.
 */
final class ClusterFold implements Processor<String, EventEnvelope, String, ClusterChange> {

  private ProcessorContext<String, ClusterChange> context;
  private TimestampedKeyValueStore<String, ClusterView> views;

  @Override
  public void init(ProcessorContext<String, ClusterChange> context) {
    this.context = context;
    this.views = context.getStateStore(ClusterView.STORE);
  }

  @Override
  public void process(Record<String, EventEnvelope> record) {
    var clusterId = record.key();
    var stored = views.get(clusterId);
    var before = stored == null ? null : stored.value();
    var after =
        ClusterProjection.apply(
            before == null ? ClusterView.empty(clusterId) : before, record.value());
    if (after == before) {
      return;
    }
    var folded = ViewStores.stamped(after, record.timestamp(), stored);
    views.put(clusterId, folded);
    context.forward(
        record
            .withValue(new ClusterChange(record.value(), before, after))
            .withTimestamp(folded.timestamp()));
  }
}
