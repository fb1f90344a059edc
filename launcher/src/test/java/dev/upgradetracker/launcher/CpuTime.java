package dev.upgradetracker.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * CPU time spent so far, to tell the parts of a benchmark apart: a whole process as the kernel
 * counts it ({@code /proc/<pid>/stat}), or the threads of this JVM whose names start alike (the
 * host simulator's SSH server runs beside the broker in the benchmark's JVM).
 */
final class CpuTime {

  /** The kernel counts in clock ticks; Linux's are 100 a second on every platform it runs on. */
  private static final long NANOS_PER_TICK = 10_000_000;

  private CpuTime() {}

  static long ofProcessNanos(long pid) {
    try {
      var stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      // the command name (field 2) may hold spaces: count fields after its closing parenthesis
      var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the CPU time of process " + pid, e);
    }
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
