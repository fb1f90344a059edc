package dev.upgradetracker.command.eventstore;

import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;

/**
 * The names of Axon's tables and columns as the store has them: snake case, as Hibernate made them
 * before the migrations did (db/migration, V1). Axon's JDBC defaults are camel case.
 */
final class StoreTables {

  static final EventSchema EVENTS =
      EventSchema.builder()
          .eventTable("domain_event_entry")
          .snapshotTable("snapshot_event_entry")
          .globalIndexColumn("global_index")
          .timestampColumn("time_stamp")
          .eventIdentifierColumn("event_identifier")
          .aggregateIdentifierColumn("aggregate_identifier")
          .sequenceNumberColumn("sequence_number")
          .typeColumn("type")
          .payloadTypeColumn("payload_type")
          .payloadRevisionColumn("payload_revision")
          .payloadColumn("payload")
          .metaDataColumn("meta_data")
          .build();

  static final TokenSchema TOKENS =
      TokenSchema.builder()
          .setTokenTable("token_entry")
          .setProcessorNameColumn("processor_name")
          .setSegmentColumn("segment")
          .setTokenColumn("token")
          .setTokenTypeColumn("token_type")
          .setTimestampColumn("timestamp")
          .setOwnerColumn("owner")
          .build();

  static final SagaSchema SAGAS =
      SagaSchema.builder()
          .sagaEntryTable("saga_entry")
          .revisionColumn("revision")
          .serializedSagaColumn("serialized_saga")
          .associationValueEntryTable("association_value_entry")
          .associationKeyColumn("association_key")
          .associationValueColumn("association_value")
          .sagaIdColumn("saga_id")
          .sagaTypeColumn("saga_type")
          .build();

  static final DeadLetterSchema DEAD_LETTERS =
      DeadLetterSchema.builder()
          .deadLetterTable("dead_letter_entry")
          .deadLetterIdentifierColumn("dead_letter_id")
          .processingGroupColumn("processing_group")
          .sequenceIdentifierColumn("sequence_identifier")
          .sequenceIndexColumn("sequence_index")
          .messageTypeColumn("message_type")
          .eventIdentifierColumn("event_identifier")
          .timestampColumn("time_stamp")
          .payloadTypeColumn("payload_type")
          .payloadRevisionColumn("payload_revision")
          .payloadColumn("payload")
          .metaDataColumn("meta_data")
          .aggregateTypeColumn("type")
          .aggregateIdentifierColumn("aggregate_identifier")
          .sequenceNumberColumn("sequence_number")
          .tokenTypeColumn("token_type")
          .tokenColumn("token")
          .enqueuedAtColumn("enqueued_at")
          .lastTouchedColumn("last_touched")
          .processingStartedColumn("processing_started")
          .causeTypeColumn("cause_type")
          .causeMessageColumn("cause_message")
          .diagnosticsColumn("diagnostics")
          .build();

  private StoreTables() {}
}
