package dev.upgradetracker.kafka;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One broker for a whole test run. Under the build (the property {@value #SHARED_DIR} names a
 * directory of the reactor's root) it is one broker for every module's test JVMs: the first JVM
 * that asks starts it as a process of its own ({@link BrokerForBuild}), which lives as long as the
 * build's Maven process; the others find its address there. Elsewhere (an IDE) it is a broker in
 * this JVM. Tests isolate themselves with a {@link #namespace(String) namespace} of their own.
 */
public final class SharedTestBroker {

  /** The system property naming the directory where the build's broker is found. */
  public static final String SHARED_DIR = "ut.test-broker.dir";

  /** The SCRAM-SHA-256 user the broker's SASL_PLAINTEXT listener knows. */
  public static final String SASL_USER = "ut-services";

  public static final String SASL_PASSWORD = "ut-services-secret";

  private static final Duration START_PATIENCE = Duration.ofMinutes(2);

  /** The plain listener, then the SASL one. */
  private static List<String> listeners;

  private SharedTestBroker() {}

  public static String bootstrapServers() {
    return listeners().get(0);
  }

  /** The same broker's SASL_PLAINTEXT listener: log in as {@link #SASL_USER}, SCRAM-SHA-256. */
  public static String saslBootstrapServers() {
    return listeners().get(1);
  }

  private static synchronized List<String> listeners() {
    if (listeners == null) {
      var shared = Optional.ofNullable(System.getProperty(SHARED_DIR)).map(Path::of);
      var build = buildProcess();
      listeners =
          shared.isPresent() && build.isPresent()
              ? ofBuild(shared.get(), build.get())
              : inThisJvm();
    }
    return listeners;
  }

  /**
   * A Kafka namespace (topic, group and application id prefix) no other test uses: {@code test}
   * followed by a random part.
   */
  public static String namespace(String test) {
    return test + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static List<String> inThisJvm() {
    try {
      var broker =
          KRaftBroker.startWithScram(
              Files.createTempDirectory("ut-kafka-"), SASL_USER, SASL_PASSWORD);
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-test-broker-stop"));
      return List.of(broker.bootstrapServers(), broker.saslBootstrapServers());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a data directory for the test broker", e);
    }
  }

  /** The build's broker, started here unless an earlier test JVM of the same build did. */
  @SuppressWarnings("try") // the lock is held, not used, while the broker's address is settled
  private static List<String> ofBuild(Path dir, ProcessHandle build) {
    try {
      Files.createDirectories(dir);
      var address = dir.resolve("broker-" + build.pid() + ".address");
      try (var lock = FileChannel.open(dir.resolve("lock"), CREATE, WRITE).lock()) {
        if (Files.exists(address)) {
          var known = Files.readAllLines(address);
          if (known.size() == 2 && answers(known.get(0))) {
            return known;
          }
          Files.delete(address);
        }
        return start(dir, address, build);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot share a test broker in " + dir, e);
    }
  }

  private static List<String> start(Path dir, Path address, ProcessHandle build)
      throws IOException {
    var log = dir.resolve("broker-" + build.pid() + ".log");
    var process =
        new ProcessBuilder(
                ChildJvm.java(),
                "-Xmx512m",
                "-cp",
                ChildJvm.classPath(),
                BrokerForBuild.class.getName(),
                Files.createTempDirectory("ut-kafka-build-").toString(),
                address.toString(),
                String.valueOf(build.pid()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    long deadline = System.nanoTime() + START_PATIENCE.toNanos();
    while (!Files.exists(address)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "the build's test broker did not start within " + START_PATIENCE + "; see " + log);
      }
      sleep();
    }
    return Files.readAllLines(address);
  }

  /**
   * The Maven process running this test JVM: the nearest ancestor that is a Java process (Surefire
   * and Failsafe start their forks directly or through a shell).
   */
  private static Optional<ProcessHandle> buildProcess() {
    var ancestor = ProcessHandle.current().parent();
    while (ancestor.isPresent()) {
      var command = ancestor.get().info().command().orElse("");
      if (command.endsWith("/java") || command.endsWith("\\java.exe")) {
        return ancestor;
      }
      ancestor = ancestor.get().parent();
    }
    return Optional.empty();
  }

  private static boolean answers(String bootstrap) {
    var hostAndPort = bootstrap.split(",")[0];
    int colon = hostAndPort.lastIndexOf(':');
    try (var socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(
              hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1))),
          1_000);
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the test broker started", e);
    }
  }
}
