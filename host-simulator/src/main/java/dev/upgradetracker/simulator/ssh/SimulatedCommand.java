package dev.upgradetracker.simulator.ssh;

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
  private final String host;
  private final String commandLine;
  private OutputStream out;
  private OutputStream err;
  private ExitCallback exit;

  SimulatedCommand(HostShell shell, String host, String commandLine) {
    this.shell = shell;
    this.host = host;
    this.commandLine = commandLine;
  }

  @Override
  public void start(ChannelSession channel, Environment env) {
    Thread.ofVirtual().name("sim-" + host).start(this::answer);
  }

  private void answer() {
    try {
      var result = shell.run(host, commandLine);
      out.write(result.stdout().getBytes(StandardCharsets.UTF_8));
      out.flush();
      err.write(result.stderr().getBytes(StandardCharsets.UTF_8));
      err.flush();
      exit.onExit(result.exitCode());
    } catch (IOException | RuntimeException e) {
      exit.onExit(255, "simulator failed: " + e.getMessage());
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
