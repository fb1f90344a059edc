package dev.upgradetracker.launcher;

import dev.upgradetracker.kafka.KRaftCluster;
import java.util.Map;

/**
 * How many of each part the launcher starts on this machine: embedded Kafka nodes (KAFKA_BROKERS),
 * command services (COMMAND_SERVICES), query services (QUERY_SERVICES) and executors (EXECUTORS).
 * Instance {@code n} of a service listens on its port + 100 × (n − 1).
 */
public record Scale(int kafkaBrokers, int commandServices, int queryServices, int executors) {

  /** One of each: the embedded default. */
  public static final Scale SINGLE = new Scale(1, 1, 1, 1);

  /** Beyond this many instances of a part, one machine only pretends to be a distributed system. */
  static final int MOST = 5;

  /** Instance {@code n}'s port is its service's port plus this, times {@code n - 1}. */
  static final int PORT_STEP = 100;

  public Scale {
    check("KAFKA_BROKERS", kafkaBrokers);
    check("COMMAND_SERVICES", commandServices);
    check("QUERY_SERVICES", queryServices);
    check("EXECUTORS", executors);
  }

  static Scale fromEnvironment(Map<String, String> env) {
    return new Scale(
        LauncherSettings.number(env, "KAFKA_BROKERS", 1),
        LauncherSettings.number(env, "COMMAND_SERVICES", 1),
        LauncherSettings.number(env, "QUERY_SERVICES", 1),
        LauncherSettings.number(env, "EXECUTORS", 1));
  }

  /** How many instances of {@code module} to run. */
  int instancesOf(String module) {
    return switch (module) {
      case "command-service" -> commandServices;
      case "query-service" -> queryServices;
      case "executor" -> executors;
      default -> throw new IllegalArgumentException("no service called " + module);
    };
  }

  /** Copies each topic keeps on the embedded Kafka: the cluster's own rule. */
  int replicas() {
    return KRaftCluster.copiesOf(kafkaBrokers);
  }

  /** The name of instance {@code n} (from 1) of {@code module}: the first keeps the module's. */
  static String instanceName(String module, int n) {
    return n == 1 ? module : module + "-" + n;
  }

  static int instancePort(int port, int n) {
    return port + PORT_STEP * (n - 1);
  }

  private static void check(String setting, int count) {
    if (count < 1 || count > MOST) {
      throw new IllegalArgumentException(
          setting + " must be between 1 and " + MOST + " on one machine, was " + count);
    }
  }
}
