package dev.upgradetracker.command.publishing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The aggregates the publisher holds back: each one's first unpublished event (the one Kafka
 * refused), why, since when and how many events wait behind it; and the retry that publishes them
 * again in order, once whatever refused them was fixed.
 */
@Component
public class ParkedAggregates {

  private static final Logger log = LoggerFactory.getLogger(ParkedAggregates.class);

  /** The most aggregates one listing names. */
  static final int MAX_LISTED = 100;

  /** The most parked aggregates one retry works through. */
  private static final int MAX_RETRIED = 10_000;

  private final EventProcessingConfiguration processing;
  private final TransactionManager transactions;

  ParkedAggregates(EventProcessingConfiguration processing, TransactionManager transactions) {
    this.processing = processing;
    this.transactions = transactions;
  }

  /** One parked aggregate: its id, the refused event, why, since when, and the events held. */
  public record Parked(
      String aggregateId,
      String eventId,
      String eventType,
      String reason,
      Instant since,
      long held) {}

  public long count() {
    return transactions.fetchInTransaction(() -> queue().amountOfSequences());
  }

  /** At most {@link #MAX_LISTED} parked aggregates, oldest first. */
  public List<Parked> list() {
    return transactions.fetchInTransaction(
        () -> {
          var parked = new ArrayList<Parked>();
          for (var sequence : queue().deadLetters()) {
            var first = sequence.iterator();
            if (!first.hasNext()) {
              continue;
            }
            var letter = first.next();
            var held = 1L;
            for (; first.hasNext(); first.next()) {
              held++;
            }
            var message = letter.message();
            parked.add(
                new Parked(
                    aggregateIdOf(message),
                    message.getIdentifier(),
                    message.getPayloadType().getSimpleName(),
                    letter.cause().map(Cause::message).orElse(""),
                    letter.enqueuedAt(),
                    held));
            if (parked.size() == MAX_LISTED) {
              break;
            }
          }
          return parked;
        });
  }

  /**
   * Publishes every parked aggregate again, in order, each as far as Kafka takes it now; what Kafka
   * still refuses stays parked. Returns how many aggregates were released.
   */
  public int retry() {
    int released = 0;
    try {
      while (released < MAX_RETRIED && processor().processAny()) {
        released++;
      }
    } catch (RuntimeException stillRefused) {
      log.warn("a parked aggregate could not be published yet; it stays parked", stillRefused);
    }
    return released;
  }

  private static String aggregateIdOf(EventMessage<?> message) {
    return message instanceof DomainEventMessage<?> domain
        ? domain.getAggregateIdentifier()
        : message.getIdentifier();
  }

  private SequencedDeadLetterQueue<EventMessage<?>> queue() {
    return processing
        .deadLetterQueue(KafkaEventPublisher.PROCESSING_GROUP)
        .orElseThrow(() -> new IllegalStateException("the publisher has no dead-letter queue"));
  }

  private SequencedDeadLetterProcessor<EventMessage<?>> processor() {
    return processing
        .sequencedDeadLetterProcessor(KafkaEventPublisher.PROCESSING_GROUP)
        .orElseThrow(() -> new IllegalStateException("the publisher has no dead-letter queue"));
  }
}
