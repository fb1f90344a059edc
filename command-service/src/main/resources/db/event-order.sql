-- Global indexes one at a time, in the order events are written, whichever process writes them
-- (META-INF/orm.xml). A store made before took them in blocks of 50; from here on, steps of one.
alter sequence if exists domain_event_entry_seq increment by 1;
