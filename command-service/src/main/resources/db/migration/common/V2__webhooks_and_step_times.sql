-- Webhooks and their deliveries (Webhooks in the README), the running steps and finished steps'
-- durations (a step overdue), and global indexes one at a time (META-INF/orm.xml: a store made
-- before took them in blocks of 50). Written for both H2 and PostgreSQL.
alter sequence if exists domain_event_entry_seq increment by 1;
create table if not exists webhook (
  id varchar(36) not null primary key,
  team varchar(63) not null,
  name varchar(63) not null,
  url varchar(2048) not null,
  secret varchar(100) not null,
  kinds varchar(200) not null,
  created_at timestamp with time zone not null,
  created_by varchar(200) not null,
  constraint webhook_team_name unique (team, name)
);
create table if not exists webhook_delivery (
  id varchar(36) not null primary key,
  webhook_id varchar(36) not null,
  notification_id varchar(100) not null,
  kind varchar(40) not null,
  payload varchar(8000) not null,
  status varchar(20) not null,
  attempts integer not null,
  created_at timestamp with time zone not null,
  last_attempt_at timestamp with time zone,
  last_status integer,
  last_error varchar(500),
  next_attempt_at timestamp with time zone,
  delivered_at timestamp with time zone,
  constraint webhook_delivery_once unique (webhook_id, notification_id)
);
create index if not exists webhook_delivery_by_webhook on webhook_delivery (webhook_id, created_at);
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
