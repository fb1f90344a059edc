package dev.upgradetracker.executor.actions;

import dev.upgradetracker.events.action.ActionOutcome;
import dev.upgradetracker.events.action.ActionResult;
import dev.upgradetracker.events.action.ActionStatus;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.executor.ssh.CommandOutput;
import dev.upgradetracker.executor.ssh.ConnectionFailed;
import dev.upgradetracker.executor.ssh.HostSession;
import dev.upgradetracker.executor.ssh.SshConnector;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Performs one requested host action over SSH and says how it ended. A host that cannot be reached,
 * or a connection that drops, is tried again with backoff: every performer probes first, so a
 * second attempt never repeats what the first one did.
 */
@Component
public class ActionRunner {

  private static final Logger log = LoggerFactory.getLogger(ActionRunner.class);

  /** Output kept per action: the tail, where errors are printed. */
  static final int OUTPUT_EXCERPT_CHARS = 4000;

  private final SshConnector ssh;
  private final PackageMover packages;
  private final GuestPerformers guests;
  private final BackupPerformers backups;
  private final SoftwarePerformers software;
  private final CommandCatalog catalog;
  private final ExecutionSettings execution;
  private final Clock clock = Clock.systemUTC();

  public ActionRunner(SshConnector ssh, CommandCatalog catalog, ExecutionSettings execution) {
    this.ssh = ssh;
    this.packages = new PackageMover(catalog);
    this.guests = new GuestPerformers(catalog);
    this.backups = new BackupPerformers(catalog);
    this.software = new SoftwarePerformers(catalog);
    this.catalog = catalog;
    this.execution = execution;
  }

  public ActionResult run(HostActionRequested request) {
    return run(request, UnaryOperator.identity(), Reachability.IGNORED);
  }

  /**
   * Runs the action, each command through {@code session} around the host's (e.g. a journal); a
   * host not reached at the first attempt, and reached later, is told to {@code reachability}.
   */
  public ActionResult run(
      HostActionRequested request, UnaryOperator<HostSession> session, Reachability reachability) {
    long started = System.nanoTime();
    try {
      checkNames(request.action());
      if (request.depot() != null) {
        ShellWords.name(request.depot(), "depot");
      }
    } catch (UnsafeValue e) {
      log.warn("refused before connecting: {}", e.getMessage());
      return failed(request, e.getMessage(), started);
    }
    var backoff = execution.retryBackoff();
    boolean toldUnreachable = false;
    for (int attempt = 1; ; attempt++) {
      try {
        var host = ssh.open(request.sshAddress()).forAction(request.actionId());
        if (toldUnreachable) {
          reachability.reached(clock.instant());
          toldUnreachable = false;
        }
        var performed = perform(request.action(), depotOf(request), session.apply(host));
        return result(request, outcome(performed, host.hostKeyFingerprint(), started));
      } catch (ConnectionFailed e) {
        if (attempt >= execution.connectionAttempts()) {
          return failed(
              request, "gave up after " + attempt + " attempts: " + e.getMessage(), started);
        }
        if (!toldUnreachable) {
          reachability.unreachable(clock.instant(), e.getMessage());
          toldUnreachable = true;
        }
        log.warn(
            "attempt {} of {} failed, retrying in {}: {}",
            attempt,
            execution.connectionAttempts(),
            backoff,
            e.getMessage());
        if (!pause(backoff)) {
          return failed(request, "interrupted while waiting to retry: " + e.getMessage(), started);
        }
        backoff = backoff.multipliedBy(2);
      } catch (IOException e) {
        return failed(request, e.getMessage(), started);
      }
    }
  }

  /** Every name an action carries, checked before a connection is even opened. */
  private static void checkNames(HostAction action) throws UnsafeValue {
    switch (action) {
      case HostAction.MoveGuest move -> {
        ShellWords.name(move.guest(), "guest");
        ShellWords.name(move.toHost(), "node");
      }
      case HostAction.MovePackage move -> {
        ShellWords.name(move.packageName(), "package");
        ShellWords.name(move.toNode(), "node");
      }
      case HostAction.VerifyGuestsBoot verify -> checkAll(verify.guests());
      case HostAction.HaltClusterNodes halt -> checkAll(halt.guests());
      case HostAction.RunClusterNodes run -> checkAll(run.guests());
      case HostAction.BackUpGuests backup -> checkAll(backup.guests());
      case HostAction.InstallGuestKit kit -> ShellWords.name(kit.guest(), "guest");
      case HostAction.BackUpHost backup -> {}
      case HostAction.UpdateNode update -> {}
      case HostAction.InstallPatches patches -> {}
    }
  }

  private static void checkAll(List<String> guests) throws UnsafeValue {
    for (var guest : guests) {
      ShellWords.name(guest, "guest");
    }
  }

  /** The host's own depot server, or the catalog's default for hosts whose inventory names none. */
  private String depotOf(HostActionRequested request) throws UnsafeValue {
    return request.depot() != null ? request.depot() : catalog.line("depot", Map.of());
  }

  private Performed perform(HostAction action, String depot, HostSession host) throws IOException {
    return switch (action) {
      case HostAction.MoveGuest move -> packages.move(move.guest(), move.toHost(), host);
      case HostAction.MovePackage move -> packages.move(move.packageName(), move.toNode(), host);
      case HostAction.VerifyGuestsBoot verify -> guests.verifyBoot(verify, host);
      case HostAction.HaltClusterNodes halt -> guests.haltNodes(halt, host);
      case HostAction.RunClusterNodes run -> guests.runNodes(run, host);
      case HostAction.BackUpHost backup -> backups.backUpHost(host);
      case HostAction.BackUpGuests backup -> backups.backUpGuests(backup, host);
      case HostAction.UpdateNode update -> software.updateNode(update, depot, host);
      case HostAction.InstallPatches patches -> software.installPatches(depot, host);
      case HostAction.InstallGuestKit kit -> software.installGuestKit(kit, depot, host);
    };
  }

  private ActionResult result(HostActionRequested request, ActionOutcome outcome) {
    return new ActionResult(
        request.actionId(), request.clusterId(), request.host(), outcome, clock.instant());
  }

  private ActionResult failed(HostActionRequested request, String why, long started) {
    return result(
        request,
        new ActionOutcome(ActionStatus.FAILED, -1, why, elapsedMillis(started), List.of(), null));
  }

  private static ActionOutcome outcome(Performed performed, String fingerprint, long started) {
    var commands = performed.commands();
    var last = commands.getLast();
    var status =
        !last.succeeded()
            ? ActionStatus.FAILED
            : performed.alreadyDone() ? ActionStatus.ALREADY_DONE : ActionStatus.SUCCEEDED;
    return new ActionOutcome(
        status,
        last.exitCode(),
        excerpt(commands),
        elapsedMillis(started),
        commands.stream().map(CommandOutput::commandLine).toList(),
        fingerprint);
  }

  private static String excerpt(List<CommandOutput> commands) {
    var text = new StringBuilder();
    for (var command : commands) {
      text.append("$ ")
          .append(command.commandLine())
          .append('\n')
          .append(command.stdout())
          .append(command.stderr());
    }
    return text.length() <= OUTPUT_EXCERPT_CHARS
        ? text.toString()
        : "..." + text.substring(text.length() - OUTPUT_EXCERPT_CHARS);
  }

  private static boolean pause(Duration duration) {
    try {
      Thread.sleep(duration);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static long elapsedMillis(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
