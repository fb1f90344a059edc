package dev.upgradetracker.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;

/**
 * A Kafka cluster of several KRaft nodes on this machine, each broker and controller in a process
 * of its own (so that one can be killed as a machine would fail), started from the Maven artifacts
 * on this JVM's class path. Every topic keeps a copy on each node by default, up to {@value
 * #MOST_COPIES}, and a write is acknowledged once all but one copy have it: with three nodes,
 * losing one loses no acknowledged write and writes go on. Each node keeps its data under {@code
 * dataDir/node-<id>}.
 */
public final class KRaftCluster implements AutoCloseable {

  /** Beyond three copies a write waits for more nodes without keeping it any safer here. */
  static final int MOST_COPIES = 3;

  private static final Duration START_PATIENCE = Duration.ofMinutes(3);
  private static final Duration STOP_PATIENCE = Duration.ofSeconds(30);

  private final Path dataDir;
  private final TreeMap<Integer, KRaftNodeConfig> nodes;
  private final TreeMap<Integer, Process> running = new TreeMap<>();

  private KRaftCluster(Path dataDir, TreeMap<Integer, KRaftNodeConfig> nodes) {
    this.dataDir = dataDir;
    this.nodes = nodes;
  }

  /**
   * Starts {@code size} nodes (1, 2, ...) and returns once every one serves. Brokers listen on
   * {@code firstPort}, {@code firstPort + 1}, ... (0: free ports), controllers on free ports.
   */
  public static KRaftCluster start(Path dataDir, int size, int firstPort) {
    if (size < 1) {
      throw new IllegalArgumentException("a Kafka cluster needs at least one node, not " + size);
    }
    var nodes = new TreeMap<Integer, KRaftNodeConfig>();
    var controllerPorts = new ArrayList<Integer>();
    for (int id = 1; id <= size; id++) {
      controllerPorts.add(KRaftBroker.freePort());
    }
    var voters = new StringBuilder();
    for (int id = 1; id <= size; id++) {
      voters.append(id == 1 ? "" : ",");
      voters.append(id).append('@').append(KRaftNodeConfig.HOST).append(':');
      voters.append(controllerPorts.get(id - 1));
    }
    for (int id = 1; id <= size; id++) {
      int brokerPort = firstPort == 0 ? KRaftBroker.freePort() : firstPort + id - 1;
      nodes.put(
          id,
          new KRaftNodeConfig(
              id,
              brokerPort,
              controllerPorts.get(id - 1),
              0,
              new KRaftNodeConfig.Quorum.Voters(voters.toString()),
              copiesOf(size),
              dataDir.resolve("node-" + id).resolve("logs")));
    }
    var cluster = new KRaftCluster(dataDir, nodes);
    try {
      cluster.formatOnce();
      for (int id : nodes.keySet()) {
        cluster.launch(id);
      }
      for (int id : nodes.keySet()) {
        cluster.awaitListening(id);
      }
      KRaftBroker.awaitNodes(cluster.bootstrapServers(), size, START_PATIENCE);
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /**
   * How many copies of each topic a cluster of {@code size} nodes keeps by default: the replication
   * factor its clients should ask for. Its in-sync minimum is one fewer (at least one), so that
   * with more nodes than copies a topic's minimum never exceeds its copies.
   */
  public static int copiesOf(int size) {
    return Math.min(size, MOST_COPIES);
  }

  public String bootstrapServers() {
    return nodes.values().stream()
        .map(node -> KRaftNodeConfig.HOST + ":" + node.brokerPort())
        .collect(Collectors.joining(","));
  }

  public List<Integer> nodeIds() {
    return List.copyOf(nodes.keySet());
  }

  /** Kills the node's process at once (SIGKILL): nothing is flushed, closed or handed over. */
  public synchronized void kill(int nodeId) {
    var process = running.remove(known(nodeId));
    if (process != null) {
      process.destroyForcibly();
      awaitExit(process, nodeId);
    }
  }

  /** Starts a stopped or killed node again on its data; returns once it serves. */
  public synchronized void restart(int nodeId) {
    if (running.containsKey(known(nodeId))) {
      throw new IllegalStateException("Kafka node " + nodeId + " is running");
    }
    launch(nodeId);
    awaitListening(nodeId);
    KRaftBroker.awaitNodes(bootstrapServers(), running.size(), START_PATIENCE);
  }

  public synchronized boolean isRunning(int nodeId) {
    var process = running.get(known(nodeId));
    return process != null && process.isAlive();
  }

  /**
   * Stops every node (SIGTERM) at once: one after another, the last ones would wait for a
   * controller quorum that is already gone.
   */
  @Override
  public synchronized void close() {
    running.values().forEach(Process::destroy);
    running.forEach((nodeId, process) -> awaitExit(process, nodeId));
    running.clear();
  }

  private int known(int nodeId) {
    if (!nodes.containsKey(nodeId)) {
      throw new IllegalArgumentException(
          "no Kafka node " + nodeId + "; the cluster has " + nodes.keySet());
    }
    return nodeId;
  }

  /** Every node of a cluster is formatted once, all with the same cluster id. */
  private void formatOnce() {
    var clusterId = Uuid.randomUuid().toString();
    for (var node : nodes.values()) {
      if (!Files.exists(node.logDir().resolve("meta.properties"))) {
        KRaftStorage.format(writeProperties(node), clusterId, false);
      }
    }
  }

  private Path writeProperties(KRaftNodeConfig node) {
    var file = node.logDir().resolveSibling("server.properties");
    try {
      Files.createDirectories(node.logDir());
      try (var out = Files.newOutputStream(file)) {
        node.properties().store(out, "written by the Upgrade Tracker at each start");
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the Kafka node directory " + file, e);
    }
  }

  private void launch(int nodeId) {
    var node = nodes.get(nodeId);
    var properties = writeProperties(node);
    var log = properties.resolveSibling("node.log");
    try {
      var command = new ArrayList<>(List.of(ChildJvm.java(), "-Xms64m", "-Xmx384m"));
      command.addAll(ChildJit.options());
      command.addAll(
          List.of(
              "-Dlogback.configurationFile=kraft-node-logback.xml",
              "-cp",
              ChildJvm.classPath(),
              KRaftNodeMain.class.getName(),
              properties.toString(),
              String.valueOf(ProcessHandle.current().pid())));
      var process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      running.put(nodeId, process);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start Kafka node " + nodeId + " (data in " + dataDir + ")", e);
    }
  }

  /**
   * Waits until the node accepts connections on its broker port (a client asking earlier logs a
   * warning for every attempt), or fails with its log if its process ends first.
   */
  private void awaitListening(int nodeId) {
    var node = nodes.get(nodeId);
    var process = running.get(nodeId);
    long deadline = System.nanoTime() + START_PATIENCE.toNanos();
    while (true) {
      try (var socket = new Socket()) {
        socket.connect(new InetSocketAddress(KRaftNodeConfig.HOST, node.brokerPort()), 1_000);
        return;
      } catch (IOException notYet) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "Kafka node "
                  + nodeId
                  + (process.isAlive() ? " did not listen within " + START_PATIENCE : " ended")
                  + " while starting; see "
                  + node.logDir().resolveSibling("node.log"));
        }
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while Kafka node " + nodeId + " started", e);
      }
    }
  }

  private static void awaitExit(Process process, int nodeId) {
    try {
      if (!process.waitFor(STOP_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while Kafka node " + nodeId + " stopped", e);
    }
  }
}
