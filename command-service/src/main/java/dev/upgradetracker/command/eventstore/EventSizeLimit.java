package dev.upgradetracker.command.eventstore;

import dev.upgradetracker.command.refusal.TooLarge;
import dev.upgradetracker.messaging.Json;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * No event is stored that its topic could not carry: every event an aggregate applies is measured
 * as it will be published, and one over {@code MAX_EVENT_BYTES} refuses its command (413) before
 * anything is stored. Otherwise the stored event would hold back its aggregate on Kafka for good.
 */
@Component
public class EventSizeLimit
    implements MessageDispatchInterceptor<EventMessage<?>>, SmartInitializingSingleton {

  private final long limit;
  private final ObjectProvider<EventStore> events;

  EventSizeLimit(
      @Value("${upgrade-tracker.limits.max-event-bytes}") DataSize limit,
      ObjectProvider<EventStore> events) {
    this.limit = limit.toBytes();
    this.events = events;
  }

  /** Once every bean exists, before the service takes any request. */
  @Override
  public void afterSingletonsInstantiated() {
    events.getObject().registerDispatchInterceptor(this);
  }

  @Override
  public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
      List<? extends EventMessage<?>> messages) {
    return (index, message) -> {
      long bytes = Json.MAPPER.writeValueAsBytes(message.getPayload()).length;
      if (bytes > limit) {
        throw new TooLarge(message.getPayloadType().getSimpleName(), bytes, limit);
      }
      return message;
    };
  }
}
