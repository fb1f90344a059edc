package dev.upgradetracker.simulator.ssh;

import dev.upgradetracker.simulator.faults.Fault;
import dev.upgradetracker.simulator.faults.Faults;
import dev.upgradetracker.simulator.fleet.CommandLogEntry;
import dev.upgradetracker.simulator.shell.HostShell;
import dev.upgradetracker.simulator.shell.Processes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/** One command received over an SSH exec channel, answered by the host's shell. */
final class SimulatedCommand implements Command {

  /** The environment variable the executor names its action in. */
  static final String ACTION_ID_VARIABLE = "UT_ACTION_ID";

  static final String MALFORMED_ACTION_ID = "(malformed)";
  // what the command side mints: a step id and the step's subject ("<campaign>/<cluster>/3@h1")
  private static final Pattern ACTION_ID = Pattern.compile("\\p{Graph}{1,300}");

  private final HostShell shell;
  private final Faults faults;
  private final String host;
  private final String commandLine;
  private OutputStream out;
  private OutputStream err;
  private ExitCallback exit;
  private ChannelSession channel;
  private String actionId = CommandLogEntry.NO_ACTION;
  private Processes.Running process;
  private Optional<Fault> fault;
  private volatile boolean hangs;

  SimulatedCommand(HostShell shell, Faults faults, String host, String commandLine) {
    this.shell = shell;
    this.faults = faults;
    this.host = host;
    this.commandLine = commandLine;
  }

  @Override
  public void start(ChannelSession channel, Environment env) {
    this.channel = channel;
    this.actionId = actionIdOf(env);
    this.process = shell.started(host, commandLine);
    // known before the session can be gone (destroy), which ends a hung command
    this.fault = faults.hit(host, commandLine);
    this.hangs = fault.isPresent() && fault.get().kind() == Fault.Kind.HANG;
    Thread.ofVirtual().name("sim-" + host).start(this::answer);
  }

  private void answer() {
    try {
      if (fault.isPresent()) {
        switch (fault.get().kind()) {
          case FAIL -> {
            shell.logOnly(host, commandLine, fault.get().exitCode(), actionId);
            err.write(
                ("simulated failure of '" + commandLine + "'\n").getBytes(StandardCharsets.UTF_8));
            err.flush();
            exit.onExit(fault.get().exitCode());
            return;
          }
          case HANG -> {
            shell.logOnly(host, commandLine, -1, actionId);
            return;
          }
          case SLOW -> Thread.sleep(fault.get().delay());
          case DROP -> {
            shell.run(host, commandLine, actionId);
            channel.getSession().close(true);
            return;
          }
        }
      }
      var result = shell.run(host, commandLine, actionId);
      out.write(result.stdout().getBytes(StandardCharsets.UTF_8));
      out.flush();
      err.write(result.stderr().getBytes(StandardCharsets.UTF_8));
      err.flush();
      exit.onExit(result.exitCode());
    } catch (IOException | RuntimeException e) {
      exit.onExit(255, "simulator failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (!hangs) {
        process.close();
      }
    }
  }

  /**
   * The action that sent the command, as the executor names it; a malformed name is logged as such.
   */
  private static String actionIdOf(Environment env) {
    var named = env.getEnv().get(ACTION_ID_VARIABLE);
    if (named == null) {
      return CommandLogEntry.NO_ACTION;
    }
    return ACTION_ID.matcher(named).matches() ? named : MALFORMED_ACTION_ID;
  }

  /**
   * Its session is gone. A command at work runs on to its end (as the depot tools' agents do); a
   * hung one, which does nothing, ends with its session.
   */
  @Override
  public void destroy(ChannelSession channel) {
    if (hangs) {
      process.close();
    }
  }

  @Override
  public void setInputStream(InputStream in) {}

  @Override
  public void setOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void setErrorStream(OutputStream err) {
    this.err = err;
  }

  @Override
  public void setExitCallback(ExitCallback callback) {
    this.exit = callback;
  }
}
