-- The host ledger: which team each host is assigned to and which cluster it is in. It changes in
-- the same transaction as the events that change it (see HostLedger), so its unique keys guard
-- the rules "an address names one host" and "a host is in at most one cluster" against races.
create table if not exists host_assignment (
  host_name varchar(63) not null primary key,
  ssh_address varchar(300) not null unique,
  team varchar(63) not null
);
create table if not exists host_membership (
  host_name varchar(63) not null primary key,
  cluster_id varchar(63) not null
);
create index if not exists host_membership_by_cluster on host_membership (cluster_id);
-- one row per one-time task done on this database, e.g. assigning the hosts of clusters stored
-- before hosts had owners
create table if not exists host_ledger_task (
  task varchar(100) not null primary key,
  done_at timestamp with time zone not null
);
