package dev.upgradetracker.executor.actions;

import dev.upgradetracker.events.action.ActionOutcome;
import dev.upgradetracker.events.action.ActionResult;
import dev.upgradetracker.events.action.ActionStatus;
import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.executor.ssh.CommandOutput;
import dev.upgradetracker.executor.ssh.SshConnector;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** Performs one requested host action over SSH and says how it ended. */
@Component
public class ActionRunner {

  /** Output kept per action: the tail, where errors are printed. */
  static final int OUTPUT_EXCERPT_CHARS = 4000;

  private final SshConnector ssh;
  private final MoveGuestPerformer moveGuest;
  private final Clock clock;

  ActionRunner(SshConnector ssh, MoveGuestPerformer moveGuest) {
    this.ssh = ssh;
    this.moveGuest = moveGuest;
    this.clock = Clock.systemUTC();
  }

  public ActionResult run(HostActionRequested request) {
    long started = System.nanoTime();
    ActionOutcome outcome;
    if (!(request.action() instanceof HostAction.MoveGuest move)) {
      return unsupported(request, started);
    }
    try (var host = ssh.open(request.sshAddress())) {
      outcome = outcome(moveGuest.perform(move, host), host.hostKeyFingerprint(), started);
    } catch (IOException e) {
      outcome =
          new ActionOutcome(ActionStatus.FAILED, -1, e.getMessage(), elapsedMillis(started), List.of(), null);
    }
    return new ActionResult(request.actionId(), request.clusterId(), request.host(), outcome, clock.instant());
  }

  /** Reported as a failure, so the step stays visibly undone instead of silently skipped. */
  private ActionResult unsupported(HostActionRequested request, long started) {
    var kind = request.action().getClass().getSimpleName();
    var outcome =
        new ActionOutcome(ActionStatus.FAILED, -1, "this executor cannot perform " + kind + " actions yet; nothing was run", elapsedMillis(started), List.of(), null);
    return new ActionResult(request.actionId(), request.clusterId(), request.host(), outcome, clock.instant());
  }

  private static ActionOutcome outcome(MoveGuestPerformer.Performed performed, String fingerprint, long started) {
    var commands = performed.commands();
    var last = commands.getLast();
    var status =
        !last.succeeded() ? ActionStatus.FAILED : performed.alreadyDone() ? ActionStatus.ALREADY_DONE : ActionStatus.SUCCEEDED;
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
      text.append("$ ").append(command.commandLine()).append('\n').append(command.stdout()).append(command.stderr());
    }
    return text.length() <= OUTPUT_EXCERPT_CHARS ? text.toString() : "..." + text.substring(text.length() - OUTPUT_EXCERPT_CHARS);
  }

  private static long elapsedMillis(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
