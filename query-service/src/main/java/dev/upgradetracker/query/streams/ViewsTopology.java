package dev.upgradetracker.query.streams;

import dev.upgradetracker.messaging.JsonSerde;
import dev.upgradetracker.messaging.Topics;
import dev.upgradetracker.query.cluster.ClusterProjection;
import dev.upgradetracker.query.cluster.ClusterView;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/** The read side's views, as one Kafka Streams topology over {@link Topics#EVENTS}. */
public final class ViewsTopology {

  public static final String CLUSTER_VIEWS = "cluster-views";

  private ViewsTopology() {}

  public static Topology build() {
    var builder = new StreamsBuilder();
    builder.stream(Topics.EVENTS, Consumed.with(Serdes.String(), JsonSerde.envelopes()))
        .groupByKey()
        .aggregate(
            () -> null,
            (clusterId, envelope, view) ->
                ClusterProjection.apply(
                    view == null ? ClusterView.empty(clusterId) : view, envelope),
            Materialized.<String, ClusterView, KeyValueStore<Bytes, byte[]>>as(CLUSTER_VIEWS)
                .withKeySerde(Serdes.String())
                .withValueSerde(new JsonSerde<>(ClusterView.class)));
    return builder.build();
  }
}
