-- Axon's JDBC stores instead of its JPA ones (no Hibernate in the service): the database now gives
-- an event its global index and an association its id, as Hibernate did from the same sequences,
-- and a dead letter's times are Axon's ISO-8601 text, which its JDBC queue writes and compares.
ALTER TABLE domain_event_entry ALTER COLUMN global_index SET DEFAULT nextval('domain_event_entry_seq');

-- Hibernate took association ids in blocks of 50: start past every id a block could have given
SELECT setval('association_value_entry_seq',
              GREATEST((SELECT COALESCE(MAX(id), 0) FROM association_value_entry),
                       (SELECT last_value FROM association_value_entry_seq)) + 50);
ALTER SEQUENCE association_value_entry_seq INCREMENT BY 1;
ALTER TABLE association_value_entry ALTER COLUMN id SET DEFAULT nextval('association_value_entry_seq');

ALTER TABLE dead_letter_entry
    ALTER COLUMN enqueued_at TYPE character varying(255)
        USING to_char(enqueued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    ALTER COLUMN last_touched TYPE character varying(255)
        USING to_char(last_touched AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    ALTER COLUMN processing_started TYPE character varying(255)
        USING to_char(processing_started AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
