package dev.upgradetracker.launcher;

import dev.upgradetracker.events.campaign.CampaignEvent.StepCompleted;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.kafka.BenchmarkArgs;
import dev.upgradetracker.kafka.BenchmarkMain;
import dev.upgradetracker.simulator.faults.Fault;
import dev.upgradetracker.testinfra.TestDatabases;
import jakarta.annotation.Nullable;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.admin.Admin;

/**
 * {@code ./bench fleet [clusters=1000] [teams=20] [--undisturbed]}: the distributed shape (three
 * Kafka nodes, two of every service on PostgreSQL) drives every team's campaign over its own
 * clusters ({@link Fleets#atScale}: three to five hosts, four to twenty guests) at once, ten in
 * progress per team, with a fleet budget of node upgrades smaller than the demand ({@code
 * FLEET_SITES} sites, each with its depot, {@code FLEET_UPGRADES_PER_DEPOT} at once per depot). A
 * third of the way in, unless undisturbed, it kills (SIGKILL) one Kafka node, one command service,
 * one executor and one query service, each once it has work in flight (printed), and each comes
 * back 15–30 s later. Each {@code update-ux} takes 3 s and each {@code swinstall} 1 s (the
 * simulator's SLOW faults), as real ones take an hour. Then it checks what the drill checks and
 * prints PASS or FAIL for each, and the figures: wall time, steps/s, events/s, step authorized ->
 * finished p50/p99, view lag over time, each service instance's peak heap, resident memory and CPU.
 */
public final class FleetBenchmark {

  private static final Duration PATIENCE = Duration.ofHours(6);

  public static void main(String[] args) {
    BenchmarkMain.run(() -> measure(args));
  }

  private static void measure(String[] args) throws Exception {
    var given = new BenchmarkArgs(args);
    int clusters = given.number(0, 1_000);
    int teamCount = given.number(1, 20);
    boolean undisturbed = given.flag("--undisturbed");
    int sites = Integer.parseInt(System.getenv().getOrDefault("FLEET_SITES", "4"));
    int perDepot = Integer.parseInt(System.getenv().getOrDefault("FLEET_UPGRADES_PER_DEPOT", "5"));
    int perTeam = clusters / teamCount;
    int inProgress = Math.min(10, perTeam);

    var fleets = new LinkedHashMap<String, List<ClusterSpec>>();
    for (int t = 1; t <= teamCount; t++) {
      var team = "team%02d".formatted(t);
      fleets.put(team, Fleets.atScale("t%02dc".formatted(t), team, perTeam, sites));
    }
    var everyCluster = fleets.values().stream().flatMap(List::stream).toArray(ClusterSpec[]::new);
    int hosts =
        fleets.values().stream().flatMap(List::stream).mapToInt(c -> c.hosts().size()).sum();
    System.out.printf(
        "fleet: %d clusters (%d hosts) of %d teams, %d in progress per team; %d sites, %d node"
            + " upgrades at once per depot; %s%n",
        everyCluster.length,
        hosts,
        teamCount,
        inProgress,
        sites,
        perDepot,
        undisturbed ? "undisturbed" : "one Kafka node and one of each service killed half way");

    var dataDir = Files.createTempDirectory("ut-bench-fleet-");
    var database = TestDatabases.create("ut_fleet");
    long starting = System.nanoTime();
    try (var stack =
        Stack.start(
            TestStacks.distributed(
                dataDir,
                TestDatabases.url(database),
                List.copyOf(fleets.keySet()),
                Map.of("UPGRADE_SLOTS_PER_DEPOT", String.valueOf(perDepot)),
                everyCluster))) {
      System.out.printf(
          "stack started and fleet registered in %d s (data in %s)%n",
          Duration.ofNanos(System.nanoTime() - starting).toSeconds(), dataDir);
      // an update-ux and an Integrity VM install take an hour on a real host; seconds here
      stack.simulator().faults().add(Fault.slow("*", "^update-ux", Duration.ofSeconds(3)));
      stack.simulator().faults().add(Fault.slow("*", "^swinstall", Duration.ofSeconds(1)));
      var campaigns = new FleetCampaigns(stack, fleets, inProgress);
      int allSteps = campaigns.start();
      var started = Instant.now();
      var kills = new Kills(stack, database);
      try (var samples = new Samples(stack, campaigns, database)) {
        if (!undisturbed) {
          // counted in the event store: the views may lag far behind at this scale
          while (stepsStored(database) < allSteps / 3) {
            Thread.sleep(1_000);
          }
          System.out.printf(
              "%d of %d steps done (%d as the views show) after %d s: killing%n",
              stepsStored(database),
              allSteps,
              campaigns.stepsDone(),
              Duration.between(started, Instant.now()).toSeconds());
          kills.run();
        }
        campaigns.awaitCompleted(PATIENCE);
        var wall = Duration.between(started, Instant.now());
        samples.stop();
        report(
            stack,
            fleets,
            campaigns,
            database,
            perDepot,
            allSteps,
            wall,
            samples,
            undisturbed ? null : kills);
      }
    } finally {
      TestDatabases.drop(database);
    }
  }

  private static void report(
      Stack stack,
      Map<String, List<ClusterSpec>> fleets,
      FleetCampaigns campaigns,
      String database,
      int perDepot,
      int allSteps,
      Duration wall,
      Samples samples,
      @Nullable Kills kills)
      throws Exception {
    var checks = new FleetChecks(stack, fleets);
    var depots = checks.depotUse(perDepot);
    boolean ok =
        kills == null
            || print("each part killed at a moment it had work in flight", kills.problems());
    ok &=
        print(
            "every campaign COMPLETED with each cluster's planned steps",
            campaigns.stepsNotAsPlanned());
    ok &=
        print(
            "every host on 4.0 with patches, every kit, no violation",
            checks.hostsUpgradedWithoutBreach());
    ok &=
        print(
            "each command with an effect once per host and action, the same for every team",
            checks.effectsOnceAndTheSameForEveryTeam(campaigns.campaignOfTeam()));
    ok &=
        print(
            "the depot budget never exceeded (at most %d at once seen, of %d)"
                .formatted(depots.mostAtOnce(), perDepot),
            depots.problems());
    ok &= print("every chain intact, its head on Kafka", checks.chainsIntactAndPublished());
    ok &= print("every view equal to a rebuild", checks.viewsEqualARebuild(Duration.ofHours(1)));

    long events = count(database, "select count(*) from domain_event_entry");
    double seconds = wall.toMillis() / 1000.0;
    System.out.printf(
        "wall %d s; %d steps, %.2f steps/s; %d events stored, %.1f events/s%n",
        wall.toSeconds(), allSteps, allSteps / seconds, events, events / seconds);
    var steps = StepTimes.of(TestDatabases.url(database));
    System.out.printf(
        "step authorized -> finished: p50 %d ms, p99 %d ms, max %d ms (%d steps)%n",
        Percentiles.of(steps, 50),
        Percentiles.of(steps, 99),
        steps.isEmpty() ? 0 : steps.getLast(),
        steps.size());
    System.out.print(samples.report());
    System.out.println(ok ? "PASS" : "FAIL");
    if (!ok) {
      throw new IllegalStateException("a check failed");
    }
  }

  private static boolean print(String check, List<String> problems) {
    System.out.printf("%s: %s%n", problems.isEmpty() ? "PASS" : "FAIL", check);
    problems.stream().limit(20).forEach(p -> System.out.println("    " + p));
    return problems.isEmpty();
  }

  /** Steps the campaigns recorded done, as the event store holds them. */
  static long stepsStored(String database) throws Exception {
    return count(
        database,
        "select count(*) from domain_event_entry where payload_type = '"
            + StepCompleted.class.getName()
            + "'");
  }

  static long count(String database, String sql) throws Exception {
    try (var connection = DriverManager.getConnection(TestDatabases.url(database), "postgres", "");
        var result = connection.createStatement().executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  /**
   * One Kafka node and the second instance of each service, each killed once it has work in flight,
   * each back 15–30 s later.
   */
  private record Kills(Stack stack, String database, List<String> problems) {

    Kills(Stack stack, String database) {
      this(stack, database, new ArrayList<>());
    }

    void run() throws Exception {
      var executor =
          await(
              List.of("executor-2", "executor"),
              i -> metric(i, "upgrade_executor_actions_running"),
              "host actions running");
      System.out.printf(
          "kill -9 %s: %d host actions running%n", executor.instance(), executor.seen());
      stack.crashFor(executor.instance(), Duration.ofSeconds(20));

      var views =
          await(
              List.of("query-service-2", "query-service"),
              i -> metric(i, "upgrade_views_tasks_active"),
              "view tasks folding events");
      System.out.printf("kill -9 %s: it folds %d view tasks%n", views.instance(), views.seen());
      stack.crashFor(views.instance(), Duration.ofSeconds(25));

      var commands =
          await(
              List.of("command-service-2", "command-service"),
              this::segmentsOf,
              "processor segments held");
      System.out.printf(
          "kill -9 %s: it holds %d processor segments%n", commands.instance(), commands.seen());
      stack.crashFor(commands.instance(), Duration.ofSeconds(15));

      var kafka = stack.kafkaCluster().orElseThrow();
      var led = await(List.of("2"), node -> partitionsLedBy(2), "partitions led");
      System.out.printf(
          "kill -9 Kafka node 2: it leads %d partitions of the event topic%n", led.seen());
      kafka.kill(2);
      Thread.sleep(Duration.ofSeconds(30));
      kafka.restart(2);

      for (var service : List.of(executor, views, commands)) {
        stack.restart(service.instance());
      }
      System.out.println("every killed part is back");
    }

    /** Which of the candidates showed work in flight first, and how much. */
    record Witness(String instance, long seen) {}

    /**
     * Looks at each candidate in turn until one measures above 0, for at most three minutes; the
     * first candidate, with a problem noted, when none did.
     */
    private Witness await(List<String> candidates, ToLongFunction<String> measure, String what)
        throws InterruptedException {
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      int looks = 0;
      while (System.nanoTime() < deadline) {
        for (var candidate : candidates) {
          long measured = measure.applyAsLong(candidate);
          looks++;
          if (measured > 0) {
            return new Witness(candidate, measured);
          }
        }
        Thread.sleep(50);
      }
      problems.add("no work in flight seen in " + looks + " looks at " + candidates + ": " + what);
      return new Witness(candidates.getFirst(), 0);
    }

    private long partitionsLedBy(int node) {
      try (var admin = Admin.create(Map.of("bootstrap.servers", stack.kafkaBootstrap()))) {
        var topic = stack.topics().events();
        return admin
            .describeTopics(List.of(topic))
            .allTopicNames()
            .get()
            .get(topic)
            .partitions()
            .stream()
            .filter(p -> p.leader() != null && p.leader().id() == node)
            .count();
      } catch (Exception e) {
        return 0;
      }
    }

    private long segmentsOf(String instance) {
      try {
        return count(
            database,
            "select count(*) from token_entry where owner like '" + stack.pidOf(instance) + "@%'");
      } catch (Exception e) {
        return 0;
      }
    }

    private long metric(String instance, String sample) {
      try {
        return (long) stack.metric(instance, sample);
      } catch (Exception e) {
        System.out.println("    " + instance + " did not answer its metrics: " + e);
        return 0;
      }
    }
  }

  /**
   * Every 5 s: steps done (stored and as the views show them), view lag, and each service
   * instance's heap, resident memory and CPU.
   */
  private static final class Samples implements AutoCloseable {

    private final Stack stack;
    private final FleetCampaigns campaigns;
    private final String database;
    private final Instant start = Instant.now();
    private final List<String> lagLines = new ArrayList<>();
    private final Map<String, Long> peakHeap = new LinkedHashMap<>();
    private final Map<String, Long> peakRss = new LinkedHashMap<>();
    private final Map<String, Map<Long, Long>> cpuByPid = new LinkedHashMap<>();
    private final List<Long> lags = new ArrayList<>();
    private int missedLooks;
    private final ScheduledExecutorService sampler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("fleet-sampler").factory());

    Samples(Stack stack, FleetCampaigns campaigns, String database) {
      this.stack = stack;
      this.campaigns = campaigns;
      this.database = database;
      sampler.scheduleAtFixedRate(this::sample, 0, 5, TimeUnit.SECONDS);
    }

    /** A failed look must not end the sampling: a scheduled task that throws runs no more. */
    private synchronized void sample() {
      try {
        look();
      } catch (RuntimeException missed) {
        missedLooks++;
      }
    }

    private void look() {
      long lag = 0;
      for (var instance : stack.serviceNames()) {
        try {
          long pid = stack.pidOf(instance);
          cpuByPid
              .computeIfAbsent(instance, k -> new HashMap<>())
              .put(pid, CpuTime.ofProcessNanos(pid));
          peakRss.merge(instance, ResidentMemory.kibibytes(pid, "VmRSS") << 10, Math::max);
          peakHeap.merge(instance, stack.heapUsedBytes(instance), Math::max);
          if (instance.startsWith("query-service")) {
            lag = Math.max(lag, (long) stack.metric(instance, "upgrade_views_lag"));
          }
        } catch (Exception downNow) {
          // a killed instance answers again once it is back
        }
      }
      lags.add(lag);
      long seconds = Duration.between(start, Instant.now()).toSeconds();
      if (seconds % 60 < 5) {
        long stored;
        try {
          stored = stepsStored(database);
        } catch (Exception e) {
          stored = -1;
        }
        lagLines.add(
            "  at %4d s: %5d steps done (%5d as the views show), view lag %d events"
                .formatted(seconds, stored, campaigns.stepsDone(), lag));
      }
    }

    void stop() {
      sampler.shutdownNow();
    }

    synchronized String report() {
      var text =
          new StringBuilder(
              "view lag (events not yet folded, the larger of the two query services), every"
                  + " minute (%d looks of %d missed):%n".formatted(missedLooks, lags.size()));
      lagLines.forEach(line -> text.append(line).append('\n'));
      var sorted = lags.stream().sorted().toList();
      text.append(
          "view lag over the run: p50 %d, p99 %d, max %d events%n"
              .formatted(
                  Percentiles.of(sorted, 50),
                  Percentiles.of(sorted, 99),
                  sorted.isEmpty() ? 0 : sorted.getLast()));
      for (var instance : stack.serviceNames()) {
        long cpu =
            cpuByPid.getOrDefault(instance, Map.of()).values().stream()
                .mapToLong(Long::longValue)
                .sum();
        text.append(
            "  %-18s peak heap %4d MiB, peak RSS %4d MiB, CPU %5d s%n"
                .formatted(
                    instance,
                    peakHeap.getOrDefault(instance, 0L) >> 20,
                    peakRss.getOrDefault(instance, 0L) >> 20,
                    TimeUnit.NANOSECONDS.toSeconds(cpu)));
      }
      return text.toString();
    }

    @Override
    public void close() {
      stop();
    }
  }
}
