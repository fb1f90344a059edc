package dev.upgradetracker.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
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

  private static final String HOST = KRaftNodeConfig.HOST;

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
      var props =
          new KRaftNodeConfig(
                  1,
                  brokerPort,
                  controllerPort,
                  saslPort,
                  new KRaftNodeConfig.Quorum.Bootstrap(HOST + ":" + controllerPort),
                  1,
                  logDir)
              .properties();
      try (var out = Files.newOutputStream(propsFile)) {
        props.store(out, "written by the Upgrade Tracker at each start");
      }
      if (!Files.exists(logDir.resolve("meta.properties"))) {
        KRaftStorage.format(propsFile, Uuid.randomUuid().toString(), true);
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
    awaitNodes(bootstrapServers(), 1, patience);
  }

  /** Returns once a client of {@code bootstrap} sees {@code nodes} brokers in the metadata. */
  static void awaitNodes(String bootstrap, int nodes, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      while (true) {
        try {
          if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() >= nodes) {
            return;
          }
        } catch (ExecutionException | TimeoutException notYet) {
          // the brokers are still registering with their controllers
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "the Kafka brokers on "
                  + bootstrap
                  + " were not "
                  + nodes
                  + " serving within "
                  + patience.toSeconds()
                  + " s");
        }
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the Kafka brokers", e);
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

  static int freePort() {
    try (var socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + HOST, e);
    }
  }
}
