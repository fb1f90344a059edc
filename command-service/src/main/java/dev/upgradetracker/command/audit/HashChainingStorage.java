package dev.upgradetracker.command.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;

/**
 * Links every aggregate's events into a hash chain as they are stored: each event records the hash
 * of its predecessor and its own hash over its canonical form ({@link EventHash}), so that editing,
 * removing or reordering a stored event shows. Everything else is the wrapped engine's.
 */
final class HashChainingStorage implements EventStorageEngine {

  private static final int HEADS_REMEMBERED = 10_000;

  private final EventStorageEngine stored;
  private final Serializer serializer;

  /** The last committed hash per aggregate, to spare reading it back for the next event. */
  private final Map<String, Head> heads =
      Collections.synchronizedMap(
          new LinkedHashMap<>(1_024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Head> eldest) {
              return size() > HEADS_REMEMBERED;
            }
          });

  private record Head(long sequence, String hash) {}

  HashChainingStorage(EventStorageEngine stored, Serializer serializer) {
    this.stored = stored;
    this.serializer = serializer;
  }

  @Override
  public void appendEvents(List<? extends EventMessage<?>> events) {
    Map<String, Head> batchHeads = new HashMap<>();
    var chained = new ArrayList<EventMessage<?>>(events.size());
    for (var event : events) {
      if (event instanceof DomainEventMessage<?> domainEvent
          && domainEvent.getAggregateIdentifier() != null) {
        var aggregateId = domainEvent.getAggregateIdentifier();
        var previous = batchHeads.get(aggregateId);
        var previousHash =
            previous != null && previous.sequence() == domainEvent.getSequenceNumber() - 1
                ? previous.hash()
                : previousHash(aggregateId, domainEvent.getSequenceNumber());
        var linked = domainEvent.andMetaData(Map.of(EventHash.PREVIOUS_HASH, previousHash));
        var hash = EventHash.of(storedForm(linked));
        chained.add(linked.andMetaData(Map.of(EventHash.HASH, hash)));
        batchHeads.put(aggregateId, new Head(domainEvent.getSequenceNumber(), hash));
      } else {
        chained.add(event);
      }
    }
    stored.appendEvents(chained);
    if (CurrentUnitOfWork.isStarted()) {
      CurrentUnitOfWork.get().afterCommit(unitOfWork -> heads.putAll(batchHeads));
    } else {
      heads.putAll(batchHeads);
    }
  }

  private String previousHash(String aggregateId, long sequence) {
    if (sequence == 0) {
      return "";
    }
    var head = heads.get(aggregateId);
    if (head != null && head.sequence() == sequence - 1) {
      return head.hash();
    }
    var predecessor = stored.readEvents(aggregateId, sequence - 1);
    if (!predecessor.hasNext()) {
      return "";
    }
    var recorded = predecessor.next().getMetaData().get(EventHash.HASH);
    return recorded == null ? "" : recorded.toString();
  }

  private StoredEvent storedForm(DomainEventMessage<?> event) {
    var payload = event.serializePayload(serializer, byte[].class);
    return new StoredEvent(
        event.getAggregateIdentifier(),
        event.getSequenceNumber(),
        event.getIdentifier(),
        DateTimeUtils.formatInstant(event.getTimestamp()),
        payload.getType().getName(),
        payload.getType().getRevision(),
        payload.getData(),
        event.serializeMetaData(serializer, byte[].class).getData());
  }

  @Override
  public void storeSnapshot(DomainEventMessage<?> snapshot) {
    stored.storeSnapshot(snapshot);
  }

  @Override
  public Stream<? extends TrackedEventMessage<?>> readEvents(
      TrackingToken trackingToken, boolean mayBlock) {
    return stored.readEvents(trackingToken, mayBlock);
  }

  @Override
  public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
    return stored.readEvents(aggregateIdentifier, firstSequenceNumber);
  }

  @Override
  public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
    return stored.readSnapshot(aggregateIdentifier);
  }

  @Override
  public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
    return stored.lastSequenceNumberFor(aggregateIdentifier);
  }

  @Override
  public TrackingToken createTailToken() {
    return stored.createTailToken();
  }

  @Override
  public TrackingToken createHeadToken() {
    return stored.createHeadToken();
  }

  @Override
  public TrackingToken createTokenAt(Instant dateTime) {
    return stored.createTokenAt(dateTime);
  }
}
