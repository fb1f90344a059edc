package dev.upgradetracker.query.history;

import dev.upgradetracker.events.CampaignEnvelope;
import dev.upgradetracker.events.EventEnvelope;
import dev.upgradetracker.events.campaign.CampaignEvent.CampaignStarted;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignAttached;
import dev.upgradetracker.events.cluster.ClusterEvent.CampaignDetached;
import dev.upgradetracker.events.cluster.ClusterEvent.ClusterRegistered;
import dev.upgradetracker.messaging.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Keeps every event for audits: each cluster's and each campaign's events by position, and a time
 * index over both (tagged with owner team and campaign) for fleet-wide, team and campaign
 * histories. An event delivered again lands on the same keys.
 */
public final class HistoryIndex {

  public static final String CLUSTER_HISTORY = "cluster-history";
  public static final String CAMPAIGN_HISTORY = "campaign-history";
  public static final String BY_TIME = "history-by-time";
  static final String CLUSTER_TAGS = "history-cluster-tags";

  private HistoryIndex() {}

  public static void attach(
      StreamsBuilder builder,
      KStream<String, EventEnvelope> clusterEvents,
      KStream<String, CampaignEnvelope> campaignEvents) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(CLUSTER_HISTORY),
            Serdes.String(),
            new JsonSerde<>(AuditRecord.class)));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(CAMPAIGN_HISTORY),
            Serdes.String(),
            JsonSerde.campaignEnvelopes()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(BY_TIME),
            Serdes.String(),
            new JsonSerde<>(HistoryTag.class)));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(CLUSTER_TAGS),
            Serdes.String(),
            new JsonSerde<>(HistoryTag.class)));
    clusterEvents.process(ClusterIndexer::new, CLUSTER_HISTORY, BY_TIME, CLUSTER_TAGS);
    campaignEvents.process(CampaignIndexer::new, CAMPAIGN_HISTORY, BY_TIME);
  }

  private static final class ClusterIndexer
      implements Processor<String, EventEnvelope, Void, Void> {

    private KeyValueStore<String, AuditRecord> history;
    private KeyValueStore<String, HistoryTag> byTime;
    private KeyValueStore<String, HistoryTag> tags;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      history = context.getStateStore(CLUSTER_HISTORY);
      byTime = context.getStateStore(BY_TIME);
      tags = context.getStateStore(CLUSTER_TAGS);
    }

    @Override
    public void process(Record<String, EventEnvelope> record) {
      var envelope = record.value();
      var known = tags.get(envelope.clusterId());
      var tag = known == null ? HistoryTag.NONE : known;
      if (envelope.sequence() <= tag.lastSequence()) {
        return;
      }
      var owner =
          envelope.event() instanceof ClusterRegistered registered
              ? registered.team()
              : tag.owner();
      var campaign =
          envelope.event() instanceof CampaignAttached attached
              ? attached.campaignId()
              : tag.campaignId();
      var id = envelope.clusterId();
      history.put(
          HistoryKeys.ofStream(id, envelope.sequence()),
          new AuditRecord(envelope, owner, campaign));
      byTime.put(
          HistoryKeys.ofTime(envelope.timestamp(), HistoryKeys.CLUSTER, id, envelope.sequence()),
          new HistoryTag(owner, campaign, envelope.sequence()));
      var campaignAfter = envelope.event() instanceof CampaignDetached ? null : campaign;
      tags.put(id, new HistoryTag(owner, campaignAfter, envelope.sequence()));
    }
  }

  private static final class CampaignIndexer
      implements Processor<String, CampaignEnvelope, Void, Void> {

    private KeyValueStore<String, CampaignEnvelope> history;
    private KeyValueStore<String, HistoryTag> byTime;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      history = context.getStateStore(CAMPAIGN_HISTORY);
      byTime = context.getStateStore(BY_TIME);
    }

    @Override
    public void process(Record<String, CampaignEnvelope> record) {
      var envelope = record.value();
      var id = envelope.campaignId();
      history.put(HistoryKeys.ofStream(id, envelope.sequence()), envelope);
      byTime.put(
          HistoryKeys.ofTime(envelope.timestamp(), HistoryKeys.CAMPAIGN, id, envelope.sequence()),
          new HistoryTag(owner(id, envelope), id, envelope.sequence()));
    }

    /** The team that started the campaign: its events after the start are the driver's. */
    private String owner(String campaignId, CampaignEnvelope envelope) {
      var start = envelope.sequence() == 0 ? envelope : history.get(HistoryKeys.first(campaignId));
      return start != null && start.event() instanceof CampaignStarted started
          ? started.team()
          : envelope.team();
    }
  }
}
