package dev.upgradetracker.simulator;

import dev.upgradetracker.events.fleet.Fleet;
import dev.upgradetracker.simulator.faults.Fault;
import dev.upgradetracker.simulator.fleet.FleetModel;
import dev.upgradetracker.simulator.ssh.HostSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the simulator on its own:
 *
 * <pre>
 * HostSimulatorMain --fleet fleet.json --authorized-keys id.pub --data DIR [--faults faults.json]
 * </pre>
 *
 * The fleet file is the inventory import format; each host listens on the port of its {@code
 * sshAddress} (or any free port). The simulated fleet's state, host keys and a known_hosts file are
 * kept under {@code DIR}. A faults file lists {@code {"host", "command", "kind", "exitCode",
 * "delayMillis", "times"}} objects, {@code kind} one of FAIL, HANG, SLOW, DROP.
 */
public final class HostSimulatorMain {

  private static final JsonMapper JSON =
      JsonMapper.builder()
          // an omitted flag or number in a fleet or faults file means false or 0
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  record FaultSpec(
      String host,
      String command,
      Fault.Kind kind,
      int exitCode,
      long delayMillis,
      Integer times) {}

  private HostSimulatorMain() {}

  public static void main(String[] args) throws Exception {
    var options = options(args);
    var data = Path.of(required(options, "--data"));
    var fleet = JSON.readValue(Path.of(required(options, "--fleet")).toFile(), Fleet.class);
    var model = FleetModel.persistent(fleet, data.resolve("state.json"));
    var simulator =
        HostSimulator.start(
            model, data.resolve("hostkeys"), Path.of(required(options, "--authorized-keys")));
    if (options.containsKey("--faults")) {
      for (var spec :
          JSON.readValue(Files.readString(Path.of(options.get("--faults"))), FaultSpec[].class)) {
        simulator
            .faults()
            .add(
                new Fault(
                    spec.host(),
                    Pattern.compile(spec.command()),
                    spec.kind(),
                    spec.exitCode(),
                    Duration.ofMillis(spec.delayMillis()),
                    spec.times() == null ? -1 : spec.times()));
      }
    }
    simulator.writeKnownHosts(data.resolve("known_hosts"));
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  simulator.close();
                  stopped.countDown();
                }));
    for (var host : model.hosts()) {
      System.out.println(
          host.cluster() + " " + host.name() + " " + simulator.addressOf(host.name()));
    }
    System.out.println(
        "host simulator ready; known_hosts in "
            + data.resolve("known_hosts")
            + "; Ctrl-C stops it");
    stopped.await();
  }

  private static Map<String, String> options(String[] args) {
    var options = new HashMap<String, String>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    return options;
  }

  private static String required(Map<String, String> options, String name) {
    var value = options.get(name);
    if (value == null) {
      System.err.println(
          "missing "
              + name
              + "; usage: --fleet FILE --authorized-keys FILE --data DIR [--faults FILE]");
      System.exit(2);
    }
    return value;
  }
}
