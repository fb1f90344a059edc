package dev.upgradetracker.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * One node of a {@link KRaftCluster}, in a process of its own so that it can be killed: runs the
 * node of a formatted properties file until it is told to stop (SIGTERM: a clean shutdown) or the
 * process that started it ends. Arguments: the properties file, the owner's process id.
 */
public final class KRaftNodeMain {

  private KRaftNodeMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: KRaftNodeMain <server.properties> <owner-pid>");
      System.exit(2);
    }
    var owner = ProcessHandle.of(Long.parseLong(args[1]));
    if (owner.isEmpty()) {
      System.err.println("the process " + args[1] + " that started this node has already ended");
      System.exit(1);
    }
    var props = new Properties();
    try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
      props.load(in);
    }
    var server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.shutdown();
                  server.awaitShutdown();
                },
                "kraft-node-stop"));
    server.startup();
    owner.get().onExit().join();
    System.exit(0);
  }
}
