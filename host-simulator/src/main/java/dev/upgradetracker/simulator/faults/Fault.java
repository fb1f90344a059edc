package dev.upgradetracker.simulator.faults;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A misbehaviour injected into the commands of matching hosts.
 *
 * @param host a host name, or {@code *} for every host
 * @param command a regular expression a command line must match (find, not whole)
 * @param times how many matching commands it hits; negative: all of them
 */
public record Fault(
    String host, Pattern command, Kind kind, int exitCode, Duration delay, int times) {

  public enum Kind {
    /** Exit with {@code exitCode} without doing anything. */
    FAIL,
    /** Never answer. */
    HANG,
    /** Answer normally after {@code delay}. */
    SLOW,
    /** Do the work, then drop the connection before the exit status is sent. */
    DROP
  }

  public static Fault fail(String host, String command, int exitCode) {
    return new Fault(host, Pattern.compile(command), Kind.FAIL, exitCode, Duration.ZERO, -1);
  }

  public static Fault hang(String host, String command) {
    return new Fault(host, Pattern.compile(command), Kind.HANG, 0, Duration.ZERO, -1);
  }

  public static Fault slow(String host, String command, Duration delay) {
    return new Fault(host, Pattern.compile(command), Kind.SLOW, 0, delay, -1);
  }

  public static Fault drop(String host, String command) {
    return new Fault(host, Pattern.compile(command), Kind.DROP, 0, Duration.ZERO, -1);
  }

  public Fault times(int count) {
    return new Fault(host, command, kind, exitCode, delay, count);
  }

  boolean matches(String hostName, String commandLine) {
    return ("*".equals(host) || host.equals(hostName)) && command.matcher(commandLine).find();
  }
}
