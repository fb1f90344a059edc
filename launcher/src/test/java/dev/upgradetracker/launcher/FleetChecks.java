package dev.upgradetracker.launcher;

import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Topology;
import dev.upgradetracker.simulator.fleet.CommandLogEntry;
import dev.upgradetracker.web.identity.DemoIdentities;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a fleet run must leave behind, checked from the simulator's log and the services' own
 * answers; each check answers its problems, none when it passes. The drill asserts them, the fleet
 * benchmark prints them. Every team's fleet must have the same shapes in the same order (as {@link
 * dev.upgradetracker.fleet.Fleets#mixedAcrossSites} and {@link
 * dev.upgradetracker.fleet.Fleets#atScale} build them), so that what ran on one team's clusters can
 * be compared with what ran on another's.
 */
final class FleetChecks {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern DEPOT = Pattern.compile("-s (\\S+?):");

  private final Stack stack;
  private final Map<String, List<ClusterSpec>> fleets;

  FleetChecks(Stack stack, Map<String, List<ClusterSpec>> fleets) {
    this.stack = stack;
    this.fleets = fleets;
  }

  /** Every cluster on 4.0 and patched, its guests on the 4.0 kit and running, no rule broken. */
  List<String> hostsUpgradedWithoutBreach() {
    var simulated = stack.simulator().fleet();
    var problems = new ArrayList<String>();
    for (var cluster : everyCluster()) {
      var id = cluster.id();
      simulated.violationsOf(id).forEach(v -> problems.add(id + ": rule broken: " + v));
      var hosts = simulated.hostsOf(id);
      if (hosts.size() != cluster.hosts().size()) {
        problems.add(id + ": " + hosts.size() + " hosts simulated, " + cluster.hosts().size());
      }
      hosts.stream()
          .filter(h -> !h.ivmVersion().equals("B.04.00") || !h.patched())
          .forEach(
              h -> problems.add(h.name() + ": " + h.ivmVersion() + ", patched " + h.patched()));
      var guests = simulated.guestsOf(id);
      guests.stream()
          .filter(g -> !Objects.equals(g.kitVersion(), "B.04.00"))
          .forEach(g -> problems.add(g.name() + ": guest kit " + g.kitVersion()));
      if (cluster.topology() == Topology.GUESTS_AS_NODES) {
        guests.stream()
            .filter(g -> !g.member())
            .forEach(g -> problems.add(g.name() + ": not a cluster member"));
        simulated.packagesOf(id).stream()
            .filter(p -> !p.running() || !p.autorun())
            .forEach(p -> problems.add(p.name() + ": not running with switching enabled"));
      } else {
        guests.stream()
            .filter(g -> !g.running() || !g.autorun())
            .forEach(g -> problems.add(g.name() + ": not running with switching enabled"));
      }
    }
    return problems;
  }

  /**
   * Each command with an effect named the campaign step's action that sent it and ran at most once
   * on its host; and, the teams' fleets having the same shapes, the same commands ran for every
   * team (a kill that cut into one team's steps and not into another's must not change what ran on
   * a host, only when).
   */
  List<String> effectsOnceAndTheSameForEveryTeam(Map<String, String> campaignOfTeam) {
    var simulated = stack.simulator().fleet();
    var problems = new ArrayList<String>();
    var effectsByTeam = new TreeMap<String, Map<String, Long>>();
    for (var team : fleets.keySet()) {
      var effects = new TreeMap<String, Long>();
      var fleet = fleets.get(team);
      for (int index = 0; index < fleet.size(); index++) {
        var cluster = fleet.get(index);
        var log = simulated.commandLogOf(cluster.id());
        var prefix = campaignOfTeam.get(team) + "/" + cluster.id() + "/";
        log.stream()
            .filter(entry -> HostEffects.isEffect(entry.commandLine()))
            .filter(entry -> !entry.actionId().startsWith(prefix))
            .forEach(
                entry ->
                    problems.add(
                        entry.host()
                            + ": '"
                            + entry.commandLine()
                            + "' came with action id '"
                            + entry.actionId()
                            + "', not one of "
                            + prefix));
        effects.putAll(effects(index, cluster.id(), log));
      }
      effects.forEach(
          (command, times) -> {
            if (times > 1) {
              problems.add(command + " ran " + times + " times");
            }
          });
      effectsByTeam.put(team, effects);
    }
    var first = effectsByTeam.firstEntry();
    effectsByTeam.forEach(
        (team, effects) -> {
          if (!effects.equals(first.getValue())) {
            problems.add(
                team
                    + "'s clusters ran other host commands than "
                    + first.getKey()
                    + "'s: "
                    + difference(first.getValue(), effects));
          }
        });
    return problems;
  }

  /**
   * The most node upgrades that ran at once on one depot, and each moment it exceeded {@code
   * limit}.
   */
  record DepotUse(int mostAtOnce, List<String> problems) {}

  /**
   * From the simulator's log: while each node upgrade ran (its host action's commands, from the
   * first to the last, which the slot spans), how many ran on its depot.
   */
  DepotUse depotUse(int limit) {
    var simulated = stack.simulator().fleet();
    var upgrades = new ArrayList<Upgrade>();
    for (var cluster : everyCluster()) {
      var byAction =
          simulated.commandLogOf(cluster.id()).stream()
              .collect(
                  Collectors.groupingBy(
                      CommandLogEntry::actionId, LinkedHashMap::new, Collectors.toList()));
      for (var entries : byAction.values()) {
        entries.stream()
            .filter(e -> e.commandLine().startsWith("update-ux"))
            .findFirst()
            .map(update -> DEPOT.matcher(update.commandLine()))
            .filter(java.util.regex.Matcher::find)
            .ifPresent(
                depot ->
                    upgrades.add(
                        new Upgrade(
                            depot.group(1), entries.getFirst().at(), entries.getLast().at())));
      }
    }
    var problems = new ArrayList<String>();
    int most = 0;
    for (var upgrade : upgrades) {
      int atOnce =
          (int)
              upgrades.stream()
                  .filter(other -> other.depot().equals(upgrade.depot()))
                  .filter(
                      o -> !o.from().isAfter(upgrade.from()) && !o.to().isBefore(upgrade.from()))
                  .count();
      most = Math.max(most, atOnce);
      if (atOnce > limit) {
        problems.add(
            atOnce + " node upgrades at once on " + upgrade.depot() + " at " + upgrade.from());
      }
    }
    if (upgrades.isEmpty()) {
      problems.add("no node upgrade in the simulator's log");
    }
    return new DepotUse(most, problems);
  }

  /** Every aggregate's hash chain intact, its head on Kafka ({@code GET /api/verification}). */
  List<String> chainsIntactAndPublished() throws Exception {
    var verification =
        JSON.readTree(
            Http.get(stack.commandUrl() + "/api/verification", DemoIdentities.AUDITOR_TOKEN)
                .body());
    return verification.get("ok").asBoolean() ? List.of() : List.of(verification.toString());
  }

  /** Every view equal to a rebuild from the log ({@code POST /api/replays}). */
  List<String> viewsEqualARebuild(Duration patience) throws Exception {
    var started =
        Http.postJson(stack.queryUrl() + "/api/replays", DemoIdentities.AUDITOR_TOKEN, "");
    if (started.statusCode() != 202) {
      return List.of("the rebuild did not start: " + started.statusCode() + " " + started.body());
    }
    var report = JSON.readTree(started.body());
    long deadline = System.nanoTime() + patience.toNanos();
    while (report.get("status").asString().equals("RUNNING")) {
      if (System.nanoTime() > deadline) {
        return List.of("the rebuild did not end within " + patience);
      }
      Thread.sleep(500);
      report =
          JSON.readTree(
              Http.get(
                      stack.queryUrl() + "/api/replays/" + report.get("replayId").asString(),
                      DemoIdentities.AUDITOR_TOKEN)
                  .body());
    }
    var problems = new ArrayList<String>();
    if (!report.get("status").asString().equals("DONE")) {
      problems.add(report.toString());
    }
    for (JsonNode store : report.get("stores")) {
      if (!store.get("differences").isEmpty()) {
        problems.add(store.toString());
      }
    }
    return problems;
  }

  private List<ClusterSpec> everyCluster() {
    return fleets.values().stream().flatMap(List::stream).toList();
  }

  private record Upgrade(String depot, Instant from, Instant to) {}

  /**
   * How often each command with effects ran on each host of a team's {@code index}th cluster, with
   * the cluster's id in host names and command lines replaced by its index.
   */
  private static Map<String, Long> effects(int index, String clusterId, List<CommandLogEntry> log) {
    var id = Pattern.compile("\\b" + Pattern.quote(clusterId) + "\\b");
    return log.stream()
        .filter(entry -> HostEffects.isEffect(entry.commandLine()))
        .collect(
            Collectors.groupingBy(
                entry ->
                    id.matcher(entry.host() + ": " + entry.commandLine()).replaceAll("#" + index),
                TreeMap::new,
                Collectors.counting()));
  }

  private static String difference(Map<String, Long> expected, Map<String, Long> actual) {
    var missing = new TreeMap<>(expected);
    actual.forEach((k, v) -> missing.remove(k, v));
    var extra = new TreeMap<>(actual);
    expected.forEach((k, v) -> extra.remove(k, v));
    return "missing " + missing + ", extra " + extra;
  }
}
