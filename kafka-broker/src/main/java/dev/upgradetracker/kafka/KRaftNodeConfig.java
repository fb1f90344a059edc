package dev.upgradetracker.kafka;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The properties of one KRaft node that is both broker and controller, on 127.0.0.1.
 *
 * @param quorum how the node finds the controllers: {@code controller.quorum.bootstrap.servers} for
 *     a single node formatted standalone, {@code controller.quorum.voters} for a fixed set
 * @param replicas how many copies every topic keeps by default, internal ones included; writes
 *     acknowledged by all in-sync copies need {@code replicas - 1} of them (at least one)
 */
record KRaftNodeConfig(
    int nodeId,
    int brokerPort,
    int controllerPort,
    int saslPort,
    Quorum quorum,
    int replicas,
    Path logDir) {

  static final String HOST = "127.0.0.1";

  sealed interface Quorum {
    record Bootstrap(String servers) implements Quorum {}

    record Voters(String voters) implements Quorum {}
  }

  Properties properties() {
    var props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", String.valueOf(nodeId));
    switch (quorum) {
      case Quorum.Bootstrap bootstrap ->
          props.put("controller.quorum.bootstrap.servers", bootstrap.servers());
      case Quorum.Voters voters -> props.put("controller.quorum.voters", voters.voters());
    }
    var plain = "PLAINTEXT://" + HOST + ":" + brokerPort;
    var sasl = saslPort == 0 ? "" : ",SASL_PLAINTEXT://" + HOST + ":" + saslPort;
    props.put("listeners", plain + sasl + ",CONTROLLER://" + HOST + ":" + controllerPort);
    props.put("advertised.listeners", plain + sasl);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put(
        "listener.security.protocol.map",
        "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT");
    if (saslPort != 0) {
      props.put("sasl.enabled.mechanisms", "SCRAM-SHA-256");
      props.put(
          "listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config",
          "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    }
    props.put("log.dirs", logDir.toAbsolutePath().toString());
    props.put("num.partitions", "12");
    var copies = String.valueOf(replicas);
    var inSync = String.valueOf(Math.max(1, replicas - 1));
    props.put("default.replication.factor", copies);
    props.put("min.insync.replicas", inSync);
    props.put("offsets.topic.replication.factor", copies);
    props.put("offsets.topic.num.partitions", "12");
    props.put("transaction.state.log.replication.factor", copies);
    props.put("transaction.state.log.min.isr", inSync);
    props.put("share.coordinator.state.topic.replication.factor", copies);
    props.put("share.coordinator.state.topic.min.isr", inSync);
    if (replicas > 1) {
      // a node lost (its process killed, its machine gone) is fenced, and its partitions led by
      // the others, 5 s after its last heartbeat instead of Kafka's 9 s: the publisher and the
      // views wait that much less; a lone node has no one to hand its partitions to
      props.put("broker.heartbeat.interval.ms", "1000");
      props.put("broker.session.timeout.ms", "5000");
    }
    // a transaction past its timeout (its producer killed) is aborted within a second of it, not
    // at the next of Kafka's 10-second sweeps: readers wait for it that much less
    props.put("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("auto.create.topics.enable", "false");
    return props;
  }
}
