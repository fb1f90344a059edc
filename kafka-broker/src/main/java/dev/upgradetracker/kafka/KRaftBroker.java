package dev.upgradetracker.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one), run inside this JVM from
 * the Maven artifacts. Its log directory survives a restart: data written before a stop is there
 * after the next start.
 */
public final class KRaftBroker implements AutoCloseable {

  private static final String HOST = "127.0.0.1";

  private final KafkaRaftServer server;
  private final int port;
  private final int saslPort;

  private KRaftBroker(KafkaRaftServer server, int port, int saslPort) {
    this.server = server;
    this.port = port;
    this.saslPort = saslPort;
  }

  /** Starts a broker on {@code port} (0 picks a free one) with its data under {@code dataDir}. */
  public static KRaftBroker start(Path dataDir, int port) {
    return start(dataDir, port, 0);
  }

  /**
   * Also listens for SASL_PLAINTEXT clients on a free port, who log in with SCRAM-SHA-256 as {@code
   * user}: a broker that demands credentials, for the tests of the services' Kafka security.
   */
  public static KRaftBroker startWithScram(Path dataDir, String user, String password) {
    var broker = start(dataDir, 0, freePort());
    broker.addScramUser(user, password);
    return broker;
  }

  private static KRaftBroker start(Path dataDir, int port, int saslPort) {
    int brokerPort = port == 0 ? freePort() : port;
    int controllerPort = freePort();
    Path logDir = dataDir.resolve("logs");
    Path propsFile = dataDir.resolve("server.properties");
    try {
      Files.createDirectories(logDir);
      var props = properties(logDir, brokerPort, controllerPort, saslPort);
      try (var out = Files.newOutputStream(propsFile)) {
        props.store(out, "written by the Upgrade Tracker at each start");
      }
      if (!Files.exists(logDir.resolve("meta.properties"))) {
        format(propsFile);
      }
      var server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
      server.startup();
      var broker = new KRaftBroker(server, brokerPort, saslPort);
      broker.awaitServing(Duration.ofSeconds(120));
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the Kafka data directory " + dataDir, e);
    }
  }

  /** Returns once a client sees this broker in the cluster's metadata: topics can be created. */
  private void awaitServing(Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    try (var admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      while (true) {
        try {
          if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (ExecutionException | TimeoutException notYet) {
          // the broker is still registering with its controller
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "the Kafka broker on "
                  + bootstrapServers()
                  + " did not start serving within "
                  + patience.toSeconds()
                  + " s");
        }
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
    }
  }

  public String bootstrapServers() {
    return HOST + ":" + port;
  }

  /** The SASL_PLAINTEXT listener (SCRAM-SHA-256) of a broker started with one. */
  public String saslBootstrapServers() {
    if (saslPort == 0) {
      throw new IllegalStateException("this broker has no SASL listener");
    }
    return HOST + ":" + saslPort;
  }

  private void addScramUser(String user, String password) {
    try (var admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      admin
          .alterUserScramCredentials(
              List.of(
                  new UserScramCredentialUpsertion(
                      user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 4096), password)))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while adding a SCRAM user", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot add the SCRAM user " + user + ": " + e, e);
    }
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }

  private static Properties properties(
      Path logDir, int brokerPort, int controllerPort, int saslPort) {
    var props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.bootstrap.servers", HOST + ":" + controllerPort);
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
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "12");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("auto.create.topics.enable", "false");
    return props;
  }

  private static void format(Path propsFile) {
    var captured = new ByteArrayOutputStream();
    int exit;
    try (var out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      exit =
          StorageTool.execute(
              new String[] {
                "format",
                "--standalone",
                "-t",
                Uuid.randomUuid().toString(),
                "-c",
                propsFile.toString()
              },
              out);
    }
    if (exit != 0) {
      throw new IllegalStateException(
          "formatting the Kafka log directory failed: "
              + captured.toString(StandardCharsets.UTF_8));
    }
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + HOST, e);
    }
  }
}
