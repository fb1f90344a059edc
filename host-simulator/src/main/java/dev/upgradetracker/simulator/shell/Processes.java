package dev.upgradetracker.simulator.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The commands each host runs at this moment, as {@code ps} lists them. Whoever started one ends
 * it: a command at work runs on when the SSH session that sent it is gone, as a depot tool's agent
 * would under a killed executor, while a hung one ends with its session.
 */
public final class Processes {

  private final Map<String, List<String>> running = new ConcurrentHashMap<>();

  /** {@code commandLine} runs on {@code host} until the returned handle is closed. */
  Running start(String host, String commandLine) {
    var lines = running.computeIfAbsent(host, h -> new ArrayList<>());
    synchronized (lines) {
      lines.add(commandLine);
    }
    var ended = new AtomicBoolean();
    return () -> {
      if (ended.compareAndSet(false, true)) {
        synchronized (lines) {
          lines.remove(commandLine);
        }
      }
    };
  }

  /** {@code UNIX95= ps -e -o args}: a header, then each running command's line. */
  CommandResult list(String host) {
    var out = new StringBuilder("COMMAND\n");
    var lines = running.getOrDefault(host, List.of());
    synchronized (lines) {
      lines.forEach(line -> out.append(line).append('\n'));
    }
    return CommandResult.ok(out.toString());
  }

  /** A command running on a host; closing it ends it, once. */
  public interface Running extends AutoCloseable {
    @Override
    void close();
  }
}
