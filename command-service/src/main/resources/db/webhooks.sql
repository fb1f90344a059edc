-- Webhooks (each team's receivers of notifications) and every delivery to them, with its attempts;
-- a delivery is made once per webhook and notification (its unique key), in the transaction that
-- moves the notifications processor past the event, so none is lost or made twice.
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
