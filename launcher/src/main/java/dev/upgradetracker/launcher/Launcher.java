package dev.upgradetracker.launcher;

import java.util.concurrent.CountDownLatch;

/** Starts the embedded default system and keeps it running until Ctrl-C. */
public final class Launcher {

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    var settings = LauncherSettings.fromEnvironment();
    System.out.println("Upgrade Tracker: starting on " + settings.dataDir() + " ...");
    long began = System.nanoTime();
    Stack stack;
    try {
      stack = Stack.start(settings);
    } catch (IllegalStateException | IllegalArgumentException e) {
      System.err.println("Upgrade Tracker did not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("\nUpgrade Tracker: stopping...");
                  stack.close();
                  System.out.println(
                      "Upgrade Tracker: stopped; data kept in " + settings.dataDir());
                  stopped.countDown();
                },
                "launcher-stop"));
    System.out.printf(
        """

        Upgrade Tracker is running (started in %d s). Ctrl-C stops it; its data stays in %s
          Dashboard:                        %s/?token=%s
          Fleet views (query-service):      %s/api/clusters
          Commands (command-service):       %s/api/clusters
          Executor health:                  %s/actuator/health
          Prometheus metrics:               <service>/actuator/prometheus
          Kafka bootstrap servers:          %s
          Simulated hosts (SSH):            %d, host keys in %s
          Service logs:                     %s
        Try:  curl -s -XPOST -H 'Authorization: Bearer %s' -H 'Content-Type: application/json' -d '{"toHost":"demo-01-vmh2"}' %s/api/clusters/demo-01/guests/demo-01-g1/move
        %n""",
        (System.nanoTime() - began) / 1_000_000_000,
        settings.dataDir(),
        stack.queryUrl(),
        stack.tokenOf("alpha"),
        stack.queryUrl(),
        stack.commandUrl(),
        stack.executorUrl(),
        stack.kafkaBootstrap(),
        stack.simulator().fleet().hosts().size(),
        settings.dataDir().resolve("ssh/known_hosts"),
        settings.dataDir().resolve("logs"),
        stack.tokenOf("alpha"),
        stack.commandUrl());
    stopped.await();
  }
}
