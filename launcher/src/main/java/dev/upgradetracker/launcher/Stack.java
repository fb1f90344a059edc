package dev.upgradetracker.launcher;

import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Fleet;
import dev.upgradetracker.events.fleet.VmHost;
import dev.upgradetracker.kafka.KRaftBroker;
import dev.upgradetracker.messaging.Json;
import dev.upgradetracker.messaging.KafkaConnection;
import dev.upgradetracker.messaging.Topics;
import dev.upgradetracker.messaging.files.SecretFiles;
import dev.upgradetracker.simulator.fleet.FleetModel;
import dev.upgradetracker.simulator.served.SideEffectsServer;
import dev.upgradetracker.simulator.ssh.HostSimulator;
import dev.upgradetracker.web.identity.DemoIdentities;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system on one machine: a Kafka broker (embedded, or an external cluster), the host
 * simulator playing the fleet, and the command, query and executor services as child processes.
 * Every piece keeps its state under the data directory, so a stop and a start lose nothing.
 */
public final class Stack implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Stack.class);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final List<AutoCloseable> started = new ArrayList<>();
  private final Map<String, SupervisedService> services = new HashMap<>();
  private String kafkaBootstrap;
  private Topics topics = Topics.DEFAULT;
  private HostSimulator simulator;
  private SideEffectsServer sideEffects;
  private Fleet simulatedFleet;
  private DemoIdentities demo;
  private Path sshDir;
  private Path dataDir;
  private Path home;
  private Map<String, String> serviceEnvironment = Map.of();

  private Stack() {}

  public static Stack start(LauncherSettings settings) throws Exception {
    return start(settings, true);
  }

  /** The whole stack simulating the fleet, which is left for the caller to import. */
  public static Stack startUnregistered(LauncherSettings settings) throws Exception {
    return start(settings, false);
  }

  private static Stack start(LauncherSettings settings, boolean register) throws Exception {
    var stack = new Stack();
    try {
      stack.startAll(settings, register);
      return stack;
    } catch (Exception e) {
      stack.close();
      throw e;
    }
  }

  private void startAll(LauncherSettings settings, boolean register) throws Exception {
    requireFree(settings.commandPort(), "COMMAND_SERVICE_PORT");
    requireFree(settings.queryPort(), "QUERY_SERVICE_PORT");
    requireFree(settings.executorPort(), "EXECUTOR_PORT");
    if (settings.sideEffectsPort() > 0) {
      requireFree(settings.sideEffectsPort(), "SIMULATOR_SIDE_EFFECTS_PORT");
    }
    if (settings.externalKafka().isEmpty()) {
      requireFree(settings.kafkaPort(), "KAFKA_PORT");
    }
    var data = settings.dataDir();
    Files.createDirectories(data);
    dataDir = data;
    kafkaBootstrap =
        settings
            .externalKafka()
            .orElseGet(() -> startBroker(data.resolve("kafka"), settings.kafkaPort()));

    sshDir = data.resolve("ssh");
    var privateKey = ClientKeys.ensure(sshDir);
    var fleet =
        settings
            .fleet()
            .orElseGet(() -> DemoFleet.of(settings.demoClusters(), settings.simulatorBasePort()));
    var model = FleetModel.persistent(fleet, data.resolve("simulator").resolve("state.json"));
    simulator =
        HostSimulator.start(
            model,
            data.resolve("simulator").resolve("hostkeys"),
            privateKey.resolveSibling("id_ecdsa.pub"));
    started.add(simulator);
    sideEffects = SideEffectsServer.start(model, settings.sideEffectsPort());
    started.add(sideEffects);
    simulator.writeKnownHosts(sshDir.resolve("known_hosts"));
    log.info("host simulator serves {} hosts", model.hosts().size());

    var env = new HashMap<String, String>();
    env.put("UT_DATA_DIR", data.toString());
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
    env.put("KAFKA_NAMESPACE", settings.kafkaNamespace());
    topics = new Topics(settings.kafkaNamespace());
    env.put("COMMAND_SERVICE_PORT", String.valueOf(settings.commandPort()));
    env.put("QUERY_SERVICE_PORT", String.valueOf(settings.queryPort()));
    env.put("EXECUTOR_PORT", String.valueOf(settings.executorPort()));
    env.put("EXECUTOR_CONCURRENCY", String.valueOf(Math.max(64, model.hosts().size())));
    env.putAll(settings.serviceSettings());
    if (settings.demo()) {
      demo = new DemoIdentities(settings.demoTeams());
      var tokensFile = data.resolve("secrets").resolve("demo-api-tokens");
      SecretFiles.write(tokensFile, demo.entries());
      env.put("API_TOKENS_FILE", tokensFile.toString());
    }
    var logs = data.resolve("logs");
    home = settings.home();
    serviceEnvironment = Map.copyOf(env);
    startService("command-service", settings.home(), settings.commandPort(), env, logs);
    startService("query-service", settings.home(), settings.queryPort(), env, logs);
    startService("executor", settings.home(), settings.executorPort(), env, logs);
    for (var service : services.values()) {
      service.awaitHealthy(START_TIMEOUT);
      log.info("{} is healthy at {}", service.name(), service.process().baseUrl());
    }
    simulatedFleet = withSimulatorAddresses(fleet);
    if (register && demo != null) {
      assignHosts(simulatedFleet);
      register(simulatedFleet);
    }
  }

  /** The fleet the simulator plays, each host at the address it serves it on. */
  public Fleet simulatedFleet() {
    return simulatedFleet;
  }

  /**
   * Has the simulator play {@code clusters} too, the executor trusting their host keys at once;
   * answers them as they are served, for the caller to register or import.
   */
  public synchronized Fleet simulate(List<ClusterSpec> clusters) {
    simulator.add(new Fleet(clusters));
    simulator.writeKnownHosts(sshDir.resolve("known_hosts"));
    var served = withSimulatorAddresses(new Fleet(clusters));
    if (demo != null) {
      assignHosts(served);
    }
    var all = new ArrayList<>(simulatedFleet.clusters());
    all.addAll(served.clusters());
    simulatedFleet = new Fleet(List.copyOf(all));
    return served;
  }

  /**
   * A service started on a taken port would fail, while the old owner answered its health checks.
   */
  private static void requireFree(int port, String setting) {
    try (var socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", port));
    } catch (IOException e) {
      throw new IllegalStateException(
          "port "
              + port
              + " ("
              + setting
              + ") is in use; is another Upgrade Tracker running? Stop it, or set "
              + setting
              + " to a free port");
    }
  }

  private String startBroker(Path dir, int port) {
    var broker = KRaftBroker.start(dir, port);
    started.add(broker);
    log.info("Kafka broker (KRaft) listening on {}", broker.bootstrapServers());
    return broker.bootstrapServers();
  }

  private void startService(String module, Path home, int port, Map<String, String> env, Path logs)
      throws IOException {
    var service = SupervisedService.start(module, home, port, env, logs);
    services.put(module, service);
    started.add(service);
  }

  /** The heap a service uses now. */
  public long heapUsedBytes(String module) throws IOException, InterruptedException {
    return services.get(module).process().heapUsedBytes(demoToken(DemoIdentities.METRICS_TOKEN));
  }

  /** The process id of a service's current process. */
  public long pidOf(String module) {
    return services.get(module).process().pid();
  }

  /** Kills a service's process with SIGKILL, as a crash would; the stack starts it again. */
  public void crash(String module) throws InterruptedException {
    services.get(module).kill();
  }

  /**
   * Waits until a service runs again on its port and data (started now if the stack has not yet),
   * healthy.
   */
  public void restart(String module) {
    try {
      services.get(module).ensureRunning(START_TIMEOUT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The fleet as registered: each host at the address the simulator actually serves it on. */
  private Fleet withSimulatorAddresses(Fleet fleet) {
    return new Fleet(
        fleet.clusters().stream()
            .map(
                c ->
                    new ClusterSpec(
                        c.id(),
                        c.team(),
                        c.topology(),
                        c.clusterLock(),
                        c.hosts().stream()
                            .map(
                                h ->
                                    new VmHost(
                                        h.name(),
                                        simulator.addressOf(h.name()),
                                        h.hpuxVersion(),
                                        h.ivmVersion(),
                                        h.serviceguardVersion()))
                            .toList(),
                        c.guests(),
                        c.packages()))
            .toList());
  }

  /**
   * As the demo's admin, assigns every host of {@code fleet} to its cluster's team (what an admin
   * does before teams register clusters); a host assigned so already is left as it is.
   */
  public void assignHosts(Fleet fleet) {
    var inventory =
        fleet.clusters().stream()
            .flatMap(
                cluster ->
                    cluster.hosts().stream()
                        .map(
                            host ->
                                Map.of(
                                    "name", host.name(),
                                    "sshAddress", host.sshAddress(),
                                    "team", cluster.team())))
            .toList();
    if (inventory.isEmpty()) {
      return;
    }
    try {
      var response =
          Http.postJson(
              commandUrl() + "/api/hosts/import",
              demoToken(DemoIdentities.ADMIN_TOKEN),
              Json.MAPPER.writeValueAsString(Map.of("hosts", inventory)));
      if (response.statusCode() != 200
          || Json.MAPPER.readTree(response.body()).path("refused").asInt() != 0) {
        throw new IllegalStateException(
            "assigning the fleet's hosts failed: " + response.statusCode() + " " + response.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Registers every cluster with its team's demo operator token; a cluster already registered (a
   * restart) is left as it is, while an id another kind of aggregate holds (a campaign's) fails.
   */
  public void register(Fleet fleet) throws IOException, InterruptedException {
    for (var cluster : fleet.clusters()) {
      var token = tokenOf(cluster.team());
      var response =
          Http.postJson(
              commandUrl() + "/api/clusters", token, Json.MAPPER.writeValueAsString(cluster));
      boolean registeredBefore =
          response.statusCode() == 409 && alreadyExists("cluster", cluster.id(), response.body());
      if (response.statusCode() != 201 && !registeredBefore) {
        throw new IllegalStateException(
            "registering cluster "
                + cluster.id()
                + " failed: "
                + response.statusCode()
                + " "
                + response.body());
      }
    }
  }

  /** Whether a refusal is the command service's "already exists" for this {@code kind} and id. */
  private static boolean alreadyExists(String kind, String id, String problem) {
    var refusal = Json.MAPPER.readTree(problem);
    return refusal.path("title").asString("").equals("Already exists")
        && refusal.path(kind).asString("").equals(id);
  }

  public String commandUrl() {
    return services.get("command-service").process().baseUrl();
  }

  public String queryUrl() {
    return services.get("query-service").process().baseUrl();
  }

  public String executorUrl() {
    return services.get("executor").process().baseUrl();
  }

  public String kafkaBootstrap() {
    return kafkaBootstrap;
  }

  /** The stack's Kafka, as its services reach it (no authentication: the embedded default). */
  public KafkaConnection kafka() {
    return KafkaConnection.plain(kafkaBootstrap);
  }

  /**
   * Starts one more executor process beside the stack's, with the stack's settings but for {@code
   * changes} (e.g. another consumer group or data directory); the caller closes it.
   */
  public AutoCloseable startExtraExecutor(Map<String, String> changes, int port)
      throws IOException, InterruptedException {
    var executor = launchExtraExecutor(changes, port);
    executor.awaitHealthy(START_TIMEOUT);
    return executor;
  }

  /** As {@link #startExtraExecutor}, without waiting for it to be healthy. */
  public ServiceProcess launchExtraExecutor(Map<String, String> changes, int port)
      throws IOException {
    var env = new HashMap<>(serviceEnvironment);
    env.put("EXECUTOR_SSH_PRIVATE_KEY", sshDir.resolve("id_ecdsa").toString());
    env.put("EXECUTOR_SSH_KNOWN_HOSTS", sshDir.resolve("known_hosts").toString());
    env.put("EXECUTOR_TRUSTED_KEYS_DIR", signingKeysDir().toString());
    env.put("EXECUTOR_PORT", String.valueOf(port));
    env.putAll(changes);
    return ServiceProcess.start(
        "executor", home, port, env, Path.of(env.get("UT_DATA_DIR")).resolve("logs"));
  }

  /** Where the command service keeps its request-signing keys and the executor finds them. */
  public Path signingKeysDir() {
    return dataDir.resolve("signing");
  }

  /** The installation's topics and consumer groups on {@link #kafkaBootstrap()}. */
  public Topics topics() {
    return topics;
  }

  /** Where the simulator serves, read-only, the commands its hosts received and the breaches. */
  public String sideEffectsUrl() {
    return sideEffects.baseUrl();
  }

  public HostSimulator simulator() {
    return simulator;
  }

  /** The demo operator's token of {@code team}; refused outside the demo or for other teams. */
  public String tokenOf(String team) {
    return demoToken(team, DemoIdentities.operatorToken(team));
  }

  /** The demo approver's token of {@code team}. */
  public String approverTokenOf(String team) {
    return demoToken(team, DemoIdentities.approverToken(team));
  }

  /** The demo's identities; empty when the services were given real ones. */
  public Optional<DemoIdentities> demoIdentities() {
    return Optional.ofNullable(demo);
  }

  private String demoToken(String token) {
    if (demo == null) {
      throw new IllegalStateException("the demo's admin has no token: identities are configured");
    }
    return token;
  }

  private String demoToken(String team, String token) {
    if (demo == null || !demo.teams().contains(team)) {
      throw new IllegalStateException(
          "team "
              + team
              + " has no demo token: the demo's teams are "
              + (demo == null ? "none (identities are configured)" : demo.teams())
              + " (DEMO_TEAMS)");
    }
    return token;
  }

  /** Stops everything in the reverse order of starting. */
  @Override
  public void close() {
    // every service is asked to stop at once, so stopping takes as long as the slowest (at most 5
    // s)
    services.values().forEach(SupervisedService::beginStop);
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        log.warn("stopping {} failed: {}", started.get(i), e.toString());
      }
    }
    started.clear();
  }
}
