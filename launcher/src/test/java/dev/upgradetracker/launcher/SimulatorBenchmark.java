package dev.upgradetracker.launcher;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Fleet;
import dev.upgradetracker.fleet.Fleets;
import dev.upgradetracker.kafka.BenchmarkMain;
import dev.upgradetracker.simulator.fleet.FleetModel;
import dev.upgradetracker.simulator.ssh.HostSimulator;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ./bench simulator [hosts=5000] [sessions=500]}: one host simulator playing that many
 * hosts, each on its own port with its own key: how long it takes to start, its heap and resident
 * memory with every host listening (before any session), then that many SSH sessions at once to
 * distinct hosts, each verifying the host's own key and running one command (issue 19: at least
 * 5,000 hosts in at most 1 GiB).
 */
public final class SimulatorBenchmark {

  public static void main(String[] args) {
    BenchmarkMain.run(() -> measure(args));
  }

  private static void measure(String[] args) throws Exception {
    int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    var dir = Files.createTempDirectory("ut-bench-simulator-");
    var clientKey = ClientKeys.ensure(dir);
    var clusters = new ArrayList<ClusterSpec>();
    for (int c = 0; c < (hosts + 1) / 2; c++) {
      clusters.add(Fleets.cluster("sim-" + c).guestsPerHost(1, 1).build());
    }
    long started = System.nanoTime();
    try (var simulator =
        HostSimulator.start(
            FleetModel.of(new Fleet(clusters)),
            dir.resolve("hostkeys"),
            clientKey.resolveSibling("id_ecdsa.pub"))) {
      double startSeconds = (System.nanoTime() - started) / 1e9;
      simulator.writeKnownHosts(dir.resolve("known_hosts"));
      System.gc();
      long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
      long rss = ResidentMemory.kibibytes(ProcessHandle.current().pid(), "VmRSS") << 10;
      var names = simulator.fleet().hosts().stream().map(h -> h.name()).toList();
      // one client identity and trust, as the executor keeps: parsing known_hosts per session
      // (a line per host) cost the client more than the handshake
      var jsch = new JSch();
      jsch.addIdentity(clientKey.toString());
      jsch.setKnownHosts(dir.resolve("known_hosts").toString());
      var succeeded = new AtomicInteger();
      var failures = new ConcurrentHashMap<String, Integer>();
      long sessionsStarted = System.nanoTime();
      try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int s = 0; s < sessions; s++) {
          var address = simulator.addressOf(names.get(s * names.size() / sessions));
          threads.submit(
              () -> {
                try {
                  runOneCommand(jsch, address);
                  succeeded.incrementAndGet();
                } catch (Exception e) {
                  failures.merge(e.toString(), 1, Integer::sum);
                }
              });
        }
      }
      double sessionSeconds = (System.nanoTime() - sessionsStarted) / 1e9;
      System.out.printf(
          "%nsimulator benchmark: %,d hosts, each on its own port with its own key%n"
              + "  started in %.1f s (keys generated and every port bound)%n"
              + "  with every host listening: heap used %d MiB, process resident %d MiB"
              + " (target: <= 1 GiB)%n"
              + "  %d SSH sessions at once to distinct hosts, host key checked, one command each:"
              + " %d succeeded in %.1f s (%.0f sessions/s, client and simulator in one JVM)%n",
          names.size(),
          startSeconds,
          heap >> 20,
          rss >> 20,
          sessions,
          succeeded.get(),
          sessionSeconds,
          succeeded.get() / sessionSeconds);
      failures.forEach((why, count) -> System.out.printf("    failed %d x: %s%n", count, why));
    }
  }

  private static void runOneCommand(JSch jsch, String address) throws Exception {
    var hostAndPort = address.split(":");
    var session = jsch.getSession("root", hostAndPort[0], Integer.parseInt(hostAndPort[1]));
    session.setConfig("StrictHostKeyChecking", "yes");
    session.connect(60_000);
    try {
      var channel = (ChannelExec) session.openChannel("exec");
      channel.setCommand("hpvmstatus");
      var out = new ByteArrayOutputStream();
      channel.setOutputStream(out);
      channel.connect(60_000);
      while (!channel.isClosed()) {
        Thread.sleep(10);
      }
      if (channel.getExitStatus() != 0 || out.size() == 0) {
        throw new IllegalStateException("exit " + channel.getExitStatus() + ", " + out);
      }
    } finally {
      session.disconnect();
    }
  }
}
