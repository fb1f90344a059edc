package dev.upgradetracker.executor.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Opens SSH sessions with key authentication and strict host-key checking: a host whose key is
 * unknown or changed is refused before any command is sent.
 */
@Component
public class SshConnector {

  private final SshSettings settings;
  private final JSch jsch = new JSch();

  public SshConnector(SshSettings settings) throws JSchException {
    this.settings = settings;
    jsch.addIdentity(settings.privateKey().toString());
    jsch.setKnownHosts(settings.knownHosts().toString());
  }

  /** Connects to {@code address} ({@code host:port}). */
  public HostSession open(String address) throws IOException {
    int colon = address.lastIndexOf(':');
    try {
      var session = jsch.getSession(settings.user(), address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
      session.setConfig("StrictHostKeyChecking", "yes");
      session.connect((int) settings.connectTimeout().toMillis());
      return new JschHostSession(jsch, session, settings);
    } catch (JSchException e) {
      throw new IOException("cannot connect to " + address + ": " + e.getMessage(), e);
    }
  }

  private record JschHostSession(JSch jsch, Session session, SshSettings settings) implements HostSession {

    @Override
    public CommandOutput run(String commandLine) throws IOException {
      ChannelExec channel = null;
      try {
        channel = (ChannelExec) session.openChannel("exec");
        channel.setCommand(commandLine);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        channel.setOutputStream(out);
        channel.setErrStream(err);
        channel.connect((int) settings.connectTimeout().toMillis());
        long deadline = System.nanoTime() + settings.commandTimeout().toNanos();
        while (!channel.isClosed()) {
          if (System.nanoTime() > deadline) {
            throw new IOException(
                "command timed out after " + settings.commandTimeout().toSeconds() + " s: " + commandLine,
                new TimeoutException());
          }
          Thread.sleep(5);
        }
        return new CommandOutput(
            commandLine, channel.getExitStatus(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
      } catch (JSchException e) {
        throw new IOException("SSH failed while running '" + commandLine + "': " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while running " + commandLine, e);
      } finally {
        if (channel != null) {
          channel.disconnect();
        }
      }
    }

    @Override
    public String hostKeyFingerprint() {
      return session.getHostKey().getFingerPrint(jsch);
    }

    @Override
    public void close() {
      session.disconnect();
    }
  }
}
