package dev.upgradetracker.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * CPU time spent so far, to tell the parts of a benchmark apart: a whole process or some of its
 * threads as the kernel counts them ({@code /proc/<pid>/stat}, {@code /proc/<pid>/task}), or the
 * threads of this JVM whose names start alike (the host simulator's SSH server runs beside the
 * broker in the benchmark's JVM).
 */
final class CpuTime {

  /** The kernel counts in clock ticks; Linux's are 100 a second on every platform it runs on. */
  private static final long NANOS_PER_TICK = 10_000_000;

  private CpuTime() {}

  static long ofProcessNanos(long pid) {
    return ticksNanos(stat(Path.of("/proc", String.valueOf(pid), "stat")));
  }

  /**
   * Each of a process's threads whose kernel name (15 characters at most) passes {@code named}, by
   * thread id: threads come and go (the JIT's compiler threads do), so two readings are compared
   * thread by thread ({@link #grownNanos}).
   */
  static Map<Long, Long> ofProcessThreadsNanos(long pid, Predicate<String> named) {
    var threads = new HashMap<Long, Long>();
    try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
      tasks.forEach(
          task -> {
            try {
              var stat = stat(task.resolve("stat"));
              if (named.test(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')))) {
                threads.put(Long.parseLong(task.getFileName().toString()), ticksNanos(stat));
              }
            } catch (UncheckedIOException ended) {
              // the thread ended between the listing and the read: its count went with it
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the threads of process " + pid, e);
    }
    return threads;
  }

  /** What the threads alive at {@code after} took since {@code before}. */
  static long grownNanos(Map<Long, Long> before, Map<Long, Long> after) {
    return after.entrySet().stream()
        .mapToLong(thread -> thread.getValue() - before.getOrDefault(thread.getKey(), 0L))
        .sum();
  }

  private static String stat(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the CPU time in " + file, e);
    }
  }

  private static long ticksNanos(String stat) {
    // the command name (field 2) may hold spaces: count fields after its closing parenthesis
    var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
  }

  /** Of the threads alive now: a thread that ended took its count with it. */
  static long ofThreadsNamedNanos(String prefix) {
    var threads = ManagementFactory.getThreadMXBean();
    return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
        .filter(info -> info != null && info.getThreadName().startsWith(prefix))
        .mapToLong(info -> Math.max(0, threads.getThreadCpuTime(info.getThreadId())))
        .sum();
  }
}
