package dev.upgradetracker.executor.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import dev.upgradetracker.messaging.files.SecretFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;

/**
 * SSH to the hosts: key authentication, strict host-key checking (an unknown or changed key is
 * refused before any command is sent), and one reused session per host.
 */
@Component
public class SshConnector implements AutoCloseable {

  private final SshSettings settings;
  private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
  private final Semaphore handshakes;
  private volatile Trust trust;

  /** The client identity and the host keys trusted, as read from known_hosts at {@code stamp}. */
  private record Trust(JSch jsch, String stamp) {}

  /** Refuses to start with a private key others may read: it opens every host as root. */
  public SshConnector(SshSettings settings) throws JSchException {
    SecretFiles.requirePrivate(settings.privateKey(), "EXECUTOR_SSH_PRIVATE_KEY");
    this.settings = settings;
    this.handshakes = new Semaphore(settings.handshakes());
    this.trust = readTrust();
  }

  /**
   * The trust in force: known_hosts is read again once it changed, so hosts added to the fleet need
   * no restart. A new file replaces the trust whole, never while a connection checks a key.
   */
  private JSch jsch() throws JSchException {
    var current = trust;
    if (!current.stamp().equals(knownHostsStamp())) {
      synchronized (this) {
        if (trust.stamp().equals(current.stamp())) {
          trust = readTrust();
        }
        current = trust;
      }
    }
    return current.jsch();
  }

  private Trust readTrust() throws JSchException {
    var stamp = knownHostsStamp();
    var jsch = new JSch();
    jsch.addIdentity(settings.privateKey().toString());
    jsch.setKnownHosts(settings.knownHosts().toString());
    return new Trust(jsch, stamp);
  }

  private String knownHostsStamp() {
    try {
      var file = settings.knownHosts();
      return Files.getLastModifiedTime(file).toMillis() + "/" + Files.size(file);
    } catch (IOException e) {
      return "unreadable";
    }
  }

  /** A session to {@code address} ({@code host:port}), opened now or reused. */
  public HostSession open(String address) throws ConnectionFailed {
    var session = sessions.get(address);
    if (session == null || !session.isConnected()) {
      session = connect(address);
      sessions.put(address, session);
    }
    return new JschHostSession(address, session, NO_ACTION);
  }

  /** Drops the session to {@code address}; the next {@link #open} connects again. */
  public void forget(String address) {
    var session = sessions.remove(address);
    if (session != null) {
      session.disconnect();
    }
  }

  @Override
  public void close() {
    sessions.keySet().forEach(this::forget);
  }

  private Session connect(String address) throws ConnectionFailed {
    int colon = address.lastIndexOf(':');
    try {
      var session =
          jsch()
              .getSession(
                  settings.user(),
                  address.substring(0, colon),
                  Integer.parseInt(address.substring(colon + 1)));
      session.setConfig("StrictHostKeyChecking", "yes");
      session.setServerAliveInterval(15_000);
      handshakes.acquire();
      try {
        session.connect((int) settings.connectTimeout().toMillis());
      } finally {
        handshakes.release();
      }
      return session;
    } catch (JSchException e) {
      throw new ConnectionFailed("cannot connect to " + address + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectionFailed("interrupted before connecting to " + address, e);
    }
  }

  /** The environment variable a command names its host action in. */
  static final String ACTION_ID_VARIABLE = "UT_ACTION_ID";

  private static final String NO_ACTION = "";

  private final class JschHostSession implements HostSession {

    private final String address;
    private final Session session;
    private final String actionId;

    JschHostSession(String address, Session session, String actionId) {
      this.address = address;
      this.session = session;
      this.actionId = actionId;
    }

    @Override
    public HostSession forAction(String actionId) {
      return new JschHostSession(address, session, actionId);
    }

    @Override
    public CommandOutput run(String commandLine) throws IOException {
      ChannelExec channel = null;
      try {
        channel = (ChannelExec) session.openChannel("exec");
        channel.setCommand(commandLine);
        if (!actionId.equals(NO_ACTION)) {
          channel.setEnv(ACTION_ID_VARIABLE, actionId);
        }
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        channel.setOutputStream(out);
        channel.setErrStream(err);
        channel.connect((int) settings.connectTimeout().toMillis());
        long deadline = System.nanoTime() + settings.commandTimeout().toNanos();
        while (!channel.isClosed()) {
          if (System.nanoTime() > deadline) {
            forget(address);
            throw new CommandTimedOut(
                "'"
                    + commandLine
                    + "' did not end within "
                    + settings.commandTimeout().toSeconds()
                    + " s");
          }
          Thread.sleep(5);
        }
        if (channel.getExitStatus() < 0 || !session.isConnected()) {
          forget(address);
          throw new ConnectionFailed(
              "the connection to " + address + " dropped while running '" + commandLine + "'",
              null);
        }
        return new CommandOutput(
            commandLine,
            channel.getExitStatus(),
            out.toString(StandardCharsets.UTF_8),
            err.toString(StandardCharsets.UTF_8));
      } catch (JSchException e) {
        forget(address);
        throw new ConnectionFailed(
            "SSH to " + address + " failed while running '" + commandLine + "': " + e.getMessage(),
            e);
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
      return session.getHostKey().getFingerPrint(trust.jsch());
    }
  }
}
