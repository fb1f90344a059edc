-- The command service's schema as Hibernate (Axon's entities, the idempotency store) and the SQL
-- scripts (db-scheduler, the host ledger) made it before migrations: the baseline. A database made
-- before Flyway is baselined at this version (spring.flyway.baseline-on-migrate) and only takes
-- the migrations after it.
CREATE TABLE association_value_entry (
    id bigint NOT NULL,
    association_key character varying(255) NOT NULL,
    association_value character varying(255),
    saga_id character varying(255) NOT NULL,
    saga_type character varying(255)
);
CREATE SEQUENCE association_value_entry_seq
    START WITH 1
    INCREMENT BY 50
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
CREATE TABLE dead_letter_entry (
    dead_letter_id character varying(255) NOT NULL,
    cause_message character varying(1023),
    cause_type character varying(255),
    diagnostics bytea,
    enqueued_at timestamp(6) with time zone NOT NULL,
    last_touched timestamp(6) with time zone,
    aggregate_identifier character varying(255),
    event_identifier character varying(255) NOT NULL,
    message_type character varying(255) NOT NULL,
    meta_data bytea,
    payload bytea NOT NULL,
    payload_revision character varying(255),
    payload_type character varying(255) NOT NULL,
    sequence_number bigint,
    time_stamp character varying(255) NOT NULL,
    token bytea,
    token_type character varying(255),
    type character varying(255),
    processing_group character varying(255) NOT NULL,
    processing_started timestamp(6) with time zone,
    sequence_identifier character varying(255) NOT NULL,
    sequence_index bigint NOT NULL
);
CREATE TABLE domain_event_entry (
    global_index bigint NOT NULL,
    event_identifier character varying(255) NOT NULL,
    meta_data bytea,
    payload bytea NOT NULL,
    payload_revision character varying(255),
    payload_type character varying(255) NOT NULL,
    time_stamp character varying(255) NOT NULL,
    aggregate_identifier character varying(255) NOT NULL,
    sequence_number bigint NOT NULL,
    type character varying(255)
);
CREATE SEQUENCE domain_event_entry_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
CREATE TABLE host_assignment (
    host_name character varying(63) NOT NULL,
    ssh_address character varying(300) NOT NULL,
    team character varying(63) NOT NULL
);
CREATE TABLE host_ledger_task (
    task character varying(100) NOT NULL,
    done_at timestamp with time zone NOT NULL
);
CREATE TABLE host_membership (
    host_name character varying(63) NOT NULL,
    cluster_id character varying(63) NOT NULL
);
CREATE TABLE idempotent_response (
    id character varying(512) NOT NULL,
    body character varying(65536),
    content_type character varying(100),
    created_at timestamp(6) with time zone,
    request_hash character varying(64) NOT NULL,
    status integer NOT NULL
);
CREATE TABLE saga_entry (
    saga_id character varying(255) NOT NULL,
    revision character varying(255),
    saga_type character varying(255),
    serialized_saga bytea
);
CREATE TABLE scheduled_tasks (
    task_name character varying(250) NOT NULL,
    task_instance character varying(250) NOT NULL,
    task_data bytea,
    execution_time timestamp with time zone NOT NULL,
    picked boolean NOT NULL,
    picked_by character varying(50),
    last_success timestamp with time zone,
    last_failure timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat timestamp with time zone,
    version bigint NOT NULL,
    priority smallint
);
CREATE TABLE snapshot_event_entry (
    aggregate_identifier character varying(255) NOT NULL,
    sequence_number bigint NOT NULL,
    type character varying(255) NOT NULL,
    event_identifier character varying(255) NOT NULL,
    meta_data bytea,
    payload bytea NOT NULL,
    payload_revision character varying(255),
    payload_type character varying(255) NOT NULL,
    time_stamp character varying(255) NOT NULL
);
CREATE TABLE token_entry (
    processor_name character varying(255) NOT NULL,
    segment integer NOT NULL,
    owner character varying(255),
    "timestamp" character varying(255) NOT NULL,
    token bytea,
    token_type character varying(255)
);
ALTER TABLE ONLY association_value_entry
    ADD CONSTRAINT association_value_entry_pkey PRIMARY KEY (id);
ALTER TABLE ONLY dead_letter_entry
    ADD CONSTRAINT dead_letter_entry_pkey PRIMARY KEY (dead_letter_id);
ALTER TABLE ONLY domain_event_entry
    ADD CONSTRAINT domain_event_entry_pkey PRIMARY KEY (global_index);
ALTER TABLE ONLY host_assignment
    ADD CONSTRAINT host_assignment_pkey PRIMARY KEY (host_name);
ALTER TABLE ONLY host_assignment
    ADD CONSTRAINT host_assignment_ssh_address_key UNIQUE (ssh_address);
ALTER TABLE ONLY host_ledger_task
    ADD CONSTRAINT host_ledger_task_pkey PRIMARY KEY (task);
ALTER TABLE ONLY host_membership
    ADD CONSTRAINT host_membership_pkey PRIMARY KEY (host_name);
ALTER TABLE ONLY idempotent_response
    ADD CONSTRAINT idempotent_response_pkey PRIMARY KEY (id);
ALTER TABLE ONLY domain_event_entry
    ADD CONSTRAINT idx8s1f994p4la2ipb13me2xqm1w UNIQUE (aggregate_identifier, sequence_number);
ALTER TABLE ONLY dead_letter_entry
    ADD CONSTRAINT idxhlr8io86j74qy298xf720n16v UNIQUE (processing_group, sequence_identifier, sequence_index);
ALTER TABLE ONLY saga_entry
    ADD CONSTRAINT saga_entry_pkey PRIMARY KEY (saga_id);
ALTER TABLE ONLY scheduled_tasks
    ADD CONSTRAINT scheduled_tasks_pkey PRIMARY KEY (task_name, task_instance);
ALTER TABLE ONLY snapshot_event_entry
    ADD CONSTRAINT snapshot_event_entry_pkey PRIMARY KEY (aggregate_identifier, sequence_number, type);
ALTER TABLE ONLY token_entry
    ADD CONSTRAINT token_entry_pkey PRIMARY KEY (processor_name, segment);
ALTER TABLE ONLY snapshot_event_entry
    ADD CONSTRAINT uke1uucjseo68gopmnd0vgdl44h UNIQUE (event_identifier);
ALTER TABLE ONLY domain_event_entry
    ADD CONSTRAINT ukfwe6lsa8bfo6hyas6ud3m8c7x UNIQUE (event_identifier);
CREATE INDEX host_membership_by_cluster ON host_membership USING btree (cluster_id);
CREATE INDEX idxe67wcx5fiq9hl4y4qkhlcj9cg ON dead_letter_entry USING btree (processing_group);
CREATE INDEX idxgv5k1v2mh6frxuy5c0hgbau94 ON association_value_entry USING btree (saga_id, saga_type);
CREATE INDEX idxk45eqnxkgd8hpdn6xixn8sgft ON association_value_entry USING btree (saga_type, association_key, association_value);
CREATE INDEX idxrwucpgs6sn93ldgoeh2q9k6bn ON dead_letter_entry USING btree (processing_group, sequence_identifier);
