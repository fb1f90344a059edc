package dev.upgradetracker.launcher;

import dev.upgradetracker.web.identity.DemoIdentities;
import dev.upgradetracker.web.identity.Role;
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
          Dashboard:                        %s/
          Fleet views (query-service):      %s/api/clusters
          Commands (command-service):       %s/api/clusters
          Executor health:                  %s/actuator/health
          Prometheus metrics:               <service>/actuator/prometheus
          Kafka bootstrap servers:          %s
          Simulated hosts (SSH):            %d, host keys in %s
          What the hosts received:          %s/commands, %s/violations
          Service logs:                     %s
        %n""",
        (System.nanoTime() - began) / 1_000_000_000,
        settings.dataDir(),
        stack.queryUrl(),
        stack.queryUrl(),
        stack.commandUrl(),
        stack.executorUrl(),
        stack.kafkaBootstrap(),
        stack.simulator().fleet().hosts().size(),
        settings.dataDir().resolve("ssh/known_hosts"),
        stack.sideEffectsUrl(),
        stack.sideEffectsUrl(),
        settings.dataDir().resolve("logs"));
    stack
        .demoIdentities()
        .ifPresentOrElse(
            demo -> printDemo(demo, stack),
            () ->
                System.out.println(
                    "API tokens come from your configuration; the fleet is simulated but not"
                        + " registered: import it with an operator's token (upgrade import)."));
    stopped.await();
  }

  private static void printDemo(DemoIdentities demo, Stack stack) {
    System.out.println(
        "DEMO MODE: no API tokens were configured (API_TOKENS, API_TOKENS_FILE), so these demo"
            + " tokens, known to everybody, are in force:");
    demo.tokens()
        .forEach(
            (identity, token) ->
                System.out.printf(
                    "  %-20s %-28s %s%n",
                    identity.user(),
                    identity.roles().stream().map(Role::configName).sorted().toList(),
                    token));
    var team = demo.teams().getFirst();
    System.out.printf(
        "Dashboard:  %s/?token=%s%nTry:  curl -s -XPOST -H 'Authorization: Bearer %s' -H"
            + " 'Content-Type: application/json' -d '{\"toHost\":\"demo-01-vmh2\"}'"
            + " %s/api/clusters/demo-01/guests/demo-01-g1/move%n",
        stack.queryUrl(), stack.tokenOf(team), stack.tokenOf(team), stack.commandUrl());
  }
}
