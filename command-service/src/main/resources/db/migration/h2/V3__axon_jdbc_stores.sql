-- Axon's JDBC stores instead of its JPA ones (no Hibernate in the service): the database now gives
-- an event its global index and an association its id, as Hibernate did from the same sequences,
-- and a dead letter's times are Axon's ISO-8601 text, which its JDBC queue writes and compares.
ALTER TABLE domain_event_entry ALTER COLUMN global_index SET DEFAULT NEXT VALUE FOR domain_event_entry_seq;

-- Hibernate took association ids in blocks of 50: start past every id a block could have given
ALTER SEQUENCE association_value_entry_seq
    RESTART WITH (SELECT GREATEST(COALESCE(MAX(id), 0),
                                  (SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES
                                   WHERE SEQUENCE_NAME = 'ASSOCIATION_VALUE_ENTRY_SEQ')) + 50
                  FROM association_value_entry)
    INCREMENT BY 1;
ALTER TABLE association_value_entry ALTER COLUMN id SET DEFAULT NEXT VALUE FOR association_value_entry_seq;

ALTER TABLE dead_letter_entry ADD COLUMN enqueued_at_text CHARACTER VARYING(255);
ALTER TABLE dead_letter_entry ADD COLUMN last_touched_text CHARACTER VARYING(255);
ALTER TABLE dead_letter_entry ADD COLUMN processing_started_text CHARACTER VARYING(255);
UPDATE dead_letter_entry SET
    enqueued_at_text = FORMATDATETIME(enqueued_at, 'yyyy-MM-dd''T''HH:mm:ss.SSS''Z''', 'en', 'UTC'),
    last_touched_text = FORMATDATETIME(last_touched, 'yyyy-MM-dd''T''HH:mm:ss.SSS''Z''', 'en', 'UTC'),
    processing_started_text =
        FORMATDATETIME(processing_started, 'yyyy-MM-dd''T''HH:mm:ss.SSS''Z''', 'en', 'UTC');
ALTER TABLE dead_letter_entry DROP COLUMN enqueued_at;
ALTER TABLE dead_letter_entry DROP COLUMN last_touched;
ALTER TABLE dead_letter_entry DROP COLUMN processing_started;
ALTER TABLE dead_letter_entry ALTER COLUMN enqueued_at_text RENAME TO enqueued_at;
ALTER TABLE dead_letter_entry ALTER COLUMN last_touched_text RENAME TO last_touched;
ALTER TABLE dead_letter_entry ALTER COLUMN processing_started_text RENAME TO processing_started;
ALTER TABLE dead_letter_entry ALTER COLUMN enqueued_at SET NOT NULL;
