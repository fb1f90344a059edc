package dev.upgradetracker.launcher;

import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Fleet;
import dev.upgradetracker.events.fleet.VmHost;
import dev.upgradetracker.kafka.KRaftBroker;
import dev.upgradetracker.kafka.KRaftCluster;
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

  private static final List<String> SERVICES =
      List.of("command-service", "query-service", "executor");

  private static final Map<String, String> PORT_SETTINGS =
      Map.of(
          "command-service", "COMMAND_SERVICE_PORT",
          "query-service", "QUERY_SERVICE_PORT",
          "executor", "EXECUTOR_PORT");

  private final List<AutoCloseable> started = new ArrayList<>();
  private final Map<String, SupervisedService> services = new HashMap<>();
  private String kafkaBootstrap;
  private KRaftCluster kafkaCluster;
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
    var scale = settings.scale();
    requireSharedEventStore(settings);
    for (var module : SERVICES) {
      for (int n = 1; n <= scale.instancesOf(module); n++) {
        requireFree(Scale.instancePort(portOf(settings, module), n), PORT_SETTINGS.get(module));
      }
    }
    if (settings.sideEffectsPort() > 0) {
      requireFree(settings.sideEffectsPort(), "SIMULATOR_SIDE_EFFECTS_PORT");
    }
    if (settings.externalKafka().isEmpty()) {
      for (int n = 0; n < scale.kafkaBrokers(); n++) {
        requireFree(settings.kafkaPort() + n, "KAFKA_PORT");
      }
    }
    var data = settings.dataDir();
    Files.createDirectories(data);
    dataDir = data;
    kafkaBootstrap =
        settings
            .externalKafka()
            .orElseGet(() -> startKafka(data, settings.kafkaPort(), scale.kafkaBrokers()));

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
    env.putAll(dashboardCommands(settings, scale));
    if (settings.externalKafka().isEmpty()) {
      env.put("KAFKA_REPLICATION_FACTOR", String.valueOf(scale.replicas()));
    }
    env.putAll(settings.serviceSettings());
    if (settings.demo()) {
      demo = new DemoIdentities(settings.demoTeams());
      var tokensFile = data.resolve("secrets").resolve("demo-api-tokens");
      SecretFiles.write(tokensFile, demo.entries());
      env.put("API_TOKENS_FILE", tokensFile.toString());
      // the demo's webhooks go to receivers on this machine
      env.put("WEBHOOK_ALLOWED_HOSTS", "127.0.0.1,localhost");
    }
    var logs = data.resolve("logs");
    home = settings.home();
    serviceEnvironment = Map.copyOf(env);
    for (var module : SERVICES) {
      for (int n = 1; n <= scale.instancesOf(module); n++) {
        startInstance(module, n, settings, env, logs);
      }
    }
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

  /**
   * One broker under {@code data/kafka}, or a cluster of {@code brokers} nodes under {@code
   * data/kafka-cluster}; a data directory keeps the kind it was made with, since the other would
   * start empty beside the events already published.
   */
  private String startKafka(Path data, int port, int brokers) {
    var single = data.resolve("kafka");
    var cluster = data.resolve("kafka-cluster");
    var other = brokers == 1 ? cluster : single;
    if (Files.exists(other)) {
      throw new IllegalStateException(
          "the data directory "
              + data
              + " holds a Kafka "
              + (brokers == 1 ? "cluster (" + cluster + ")" : "broker of one node (" + single + ")")
              + "; KAFKA_BROKERS="
              + brokers
              + " would start an empty one beside it. Keep KAFKA_BROKERS as it was, or use a new"
              + " UT_DATA_DIR");
    }
    if (brokers == 1) {
      var broker = KRaftBroker.start(single, port);
      started.add(broker);
      log.info("Kafka broker (KRaft) listening on {}", broker.bootstrapServers());
      return broker.bootstrapServers();
    }
    kafkaCluster = KRaftCluster.start(cluster, brokers, port);
    started.add(kafkaCluster);
    log.info(
        "Kafka cluster of {} KRaft nodes listening on {}",
        brokers,
        kafkaCluster.bootstrapServers());
    return kafkaCluster.bootstrapServers();
  }

  /**
   * The dashboard pages of every query service send commands to the first command service, which
   * takes browser requests from those pages only.
   */
  private static Map<String, String> dashboardCommands(LauncherSettings settings, Scale scale) {
    var origins = new ArrayList<String>();
    for (int n = 1; n <= scale.queryServices(); n++) {
      int port = Scale.instancePort(settings.queryPort(), n);
      origins.add("http://127.0.0.1:" + port);
      origins.add("http://localhost:" + port);
    }
    return Map.of(
        "DASHBOARD_COMMAND_URL",
        "http://127.0.0.1:" + settings.commandPort(),
        "DASHBOARD_ORIGINS",
        String.join(",", origins));
  }

  /** An H2 file serves one process: several command services share a PostgreSQL store. */
  private static void requireSharedEventStore(LauncherSettings settings) {
    if (settings.scale().commandServices() == 1) {
      return;
    }
    var store =
        Optional.ofNullable(settings.serviceSettings().get("EVENT_STORE_URL"))
            .or(() -> Optional.ofNullable(System.getenv("EVENT_STORE_URL")))
            .orElse("");
    if (!store.startsWith("jdbc:postgresql:")) {
      throw new IllegalStateException(
          "COMMAND_SERVICES="
              + settings.scale().commandServices()
              + " needs an event store they share: set EVENT_STORE_URL to a PostgreSQL database"
              + " (jdbc:postgresql://...); the embedded H2 file serves one process"
              + (store.isEmpty() ? "" : ", and '" + store + "' is not PostgreSQL"));
    }
  }

  private static int portOf(LauncherSettings settings, String module) {
    return switch (module) {
      case "command-service" -> settings.commandPort();
      case "query-service" -> settings.queryPort();
      default -> settings.executorPort();
    };
  }

  /**
   * Instance {@code n} of {@code module}: its own port, and for a query service its own view
   * stores; every instance shares the installation's keys, event store and consumer groups.
   */
  private void startInstance(
      String module, int n, LauncherSettings settings, Map<String, String> env, Path logs)
      throws IOException {
    var name = Scale.instanceName(module, n);
    int port = Scale.instancePort(portOf(settings, module), n);
    var own = new HashMap<>(env);
    own.put(PORT_SETTINGS.get(module), String.valueOf(port));
    // the same name at every restart by the supervisor, and no other instance's
    own.put("KAFKA_INSTANCE", name);
    if (module.equals("query-service") && n > 1) {
      own.put("VIEWS_STATE_DIR", dataDir.resolve(name).resolve("state").toString());
    }
    var service = SupervisedService.start(module, name, settings.home(), port, own, logs);
    log.info("{} starting on port {} (its log: {})", name, port, logs.resolve(name + ".log"));
    services.put(name, service);
    started.add(service);
  }

  /** The embedded Kafka cluster, when the stack runs one of several nodes (KAFKA_BROKERS). */
  public Optional<KRaftCluster> kafkaCluster() {
    return Optional.ofNullable(kafkaCluster);
  }

  /**
   * Every running service instance's name: {@code command-service}, {@code command-service-2}...
   */
  public List<String> serviceNames() {
    return services.keySet().stream().sorted().toList();
  }

  /** The base URL of a service instance, by its name. */
  public String urlOf(String instance) {
    var service = services.get(instance);
    if (service == null) {
      throw new IllegalArgumentException(
          "no service instance " + instance + "; running: " + serviceNames());
    }
    return service.process().baseUrl();
  }

  /** The heap a service uses now. */
  public long heapUsedBytes(String module) throws IOException, InterruptedException {
    return services.get(module).process().heapUsedBytes(demoToken(DemoIdentities.METRICS_TOKEN));
  }

  /**
   * The sum of a service instance's Prometheus samples whose line starts with {@code sample}, read
   * now.
   */
  public double metric(String instance, String sample) throws IOException, InterruptedException {
    return services
        .get(instance)
        .process()
        .metricSum(demoToken(DemoIdentities.METRICS_TOKEN), sample);
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
   * Kills a service's process with SIGKILL; the stack starts it again {@code down} later, as a
   * machine that takes that long to come back.
   */
  public void crashFor(String module, Duration down) throws InterruptedException {
    services.get(module).killFor(down);
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

  /**
   * The fleet as registered: each host at the address the simulator actually serves it on, with
   * everything else its spec says (its depot and site included).
   */
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
                                        h.serviceguardVersion(),
                                        h.depot()))
                            .toList(),
                        c.guests(),
                        c.packages(),
                        c.site()))
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
    return launchExtra("executor", changes, port);
  }

  /**
   * Starts one more process of {@code module} beside the stack's, with the stack's settings but for
   * {@code changes}, without waiting for it to be healthy; the caller closes it. An executor keeps
   * the stack's SSH identity and trusted signing keys wherever {@code changes} put its data.
   */
  public ServiceProcess launchExtra(String module, Map<String, String> changes, int port)
      throws IOException {
    var env = new HashMap<>(serviceEnvironment);
    if (module.equals("executor")) {
      env.put("EXECUTOR_SSH_PRIVATE_KEY", sshDir.resolve("id_ecdsa").toString());
      env.put("EXECUTOR_SSH_KNOWN_HOSTS", sshDir.resolve("known_hosts").toString());
      env.put("EXECUTOR_TRUSTED_KEYS_DIR", signingKeysDir().toString());
    }
    env.put(PORT_SETTINGS.get(module), String.valueOf(port));
    env.putAll(changes);
    return ServiceProcess.start(
        module, home, port, env, Path.of(env.get("UT_DATA_DIR")).resolve("logs"));
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

  /** The demo lead's token of {@code team}: an operator who also approves (others' campaigns). */
  public String leadTokenOf(String team) {
    return demoToken(team, DemoIdentities.leadToken(team));
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
