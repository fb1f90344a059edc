package dev.upgradetracker.simulator.ssh;

import dev.upgradetracker.simulator.faults.Faults;
import dev.upgradetracker.simulator.shell.HostShell;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/** One command received over an SSH exec channel, answered by the host's shell. */
final class SimulatedCommand implements Command {

  private final HostShell shell;
  private final Faults faults;
  private final String host;
  private final String commandLine;
  private OutputStream out;
  private OutputStream err;
  private ExitCallback exit;
  private ChannelSession channel;

  SimulatedCommand(HostShell shell, Faults faults, String host, String commandLine) {
    this.shell = shell;
    this.faults = faults;
    this.host = host;
    this.commandLine = commandLine;
  }

  @Override
  public void start(ChannelSession channel, Environment env) {
    this.channel = channel;
    Thread.ofVirtual().name("sim-" + host).start(this::answer);
  }

  private void answer() {
    var fault = faults.hit(host, commandLine);
    try {
      if (fault.isPresent()) {
        switch (fault.get().kind()) {
          case FAIL -> {
            shell.logOnly(host, commandLine, fault.get().exitCode());
            err.write(
                ("simulated failure of '" + commandLine + "'\n").getBytes(StandardCharsets.UTF_8));
            err.flush();
            exit.onExit(fault.get().exitCode());
            return;
          }
          case HANG -> {
            shell.logOnly(host, commandLine, -1);
            return;
          }
          case SLOW -> Thread.sleep(fault.get().delay());
          case DROP -> {
            shell.run(host, commandLine);
            channel.getSession().close(true);
            return;
          }
        }
      }
      var result = shell.run(host, commandLine);
      out.write(result.stdout().getBytes(StandardCharsets.UTF_8));
      out.flush();
      err.write(result.stderr().getBytes(StandardCharsets.UTF_8));
      err.flush();
      exit.onExit(result.exitCode());
    } catch (IOException | RuntimeException e) {
      exit.onExit(255, "simulator failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void destroy(ChannelSession channel) {}

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
