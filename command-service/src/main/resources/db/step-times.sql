-- The steps running now and the durations of finished ones, by command: what a step's usual
-- duration is and which running step has gone past three times it (OverdueWatch). Kept by the
-- step-times processor in the transaction that moves it past each event.
create table if not exists step_run (
  cluster_id varchar(63) not null,
  step_id varchar(100) not null,
  campaign_id varchar(63) not null,
  command varchar(100) not null,
  subject varchar(200) not null,
  started_at timestamp with time zone not null,
  overdue_told boolean not null,
  primary key (cluster_id, step_id)
);
create table if not exists step_duration (
  cluster_id varchar(63) not null,
  step_id varchar(100) not null,
  command varchar(100) not null,
  millis bigint not null,
  finished_at timestamp with time zone not null,
  primary key (cluster_id, step_id)
);
create index if not exists step_duration_by_command on step_duration (command, finished_at);
