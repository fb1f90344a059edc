package dev.upgradetracker.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The process that serves one broker to every test JVM of a build: it starts the broker, writes its
 * address to a file for them to find, and stops it, removing its data, when the build's process
 * (its owner) ends. Arguments: the data directory, the address file, the owner's process id.
 */
public final class BrokerForBuild {

  private BrokerForBuild() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: BrokerForBuild <data-dir> <address-file> <owner-pid>");
      System.exit(2);
    }
    var dataDir = Path.of(args[0]);
    var addressFile = Path.of(args[1]);
    var owner = ProcessHandle.of(Long.parseLong(args[2]));
    if (owner.isEmpty()) {
      System.err.println("the build process " + args[2] + " has already ended");
      System.exit(1);
    }
    var broker =
        KRaftBroker.startWithScram(
            dataDir, SharedTestBroker.SASL_USER, SharedTestBroker.SASL_PASSWORD);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  broker.close();
                  deleteQuietly(addressFile);
                  deleteTree(dataDir);
                },
                "build-broker-stop"));
    var written = addressFile.resolveSibling(addressFile.getFileName() + ".tmp");
    Files.writeString(
        written, broker.bootstrapServers() + "\n" + broker.saslBootstrapServers() + "\n");
    Files.move(written, addressFile, StandardCopyOption.ATOMIC_MOVE);
    owner.get().onExit().join();
    System.exit(0);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // the next build overwrites it
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(BrokerForBuild::deleteQuietly);
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory; the system cleans it
    }
  }
}
