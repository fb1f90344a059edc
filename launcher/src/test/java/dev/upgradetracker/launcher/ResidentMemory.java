package dev.upgradetracker.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The resident memory of the stack's services, as the kernel counts it ({@code
 * /proc/<pid>/status}): sampled every half second while a benchmark runs, and the kernel's own peak
 * ({@code VmHWM}) at the end, which no sampling interval can miss.
 */
final class ResidentMemory implements AutoCloseable {

  static final long LIMIT_BYTES = 512L << 20;

  private final Stack stack;
  private final List<String> modules;
  private final Map<String, Long> sampledPeak = new LinkedHashMap<>();
  private final ScheduledExecutorService sampler =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("rss-sampler").factory());

  ResidentMemory(Stack stack, List<String> modules) {
    this.stack = stack;
    this.modules = modules;
    modules.forEach(module -> sampledPeak.put(module, 0L));
    sampler.scheduleAtFixedRate(this::sample, 0, 500, TimeUnit.MILLISECONDS);
  }

  private synchronized void sample() {
    for (var module : modules) {
      sampledPeak.merge(module, kibibytes(stack.pidOf(module), "VmRSS") << 10, Math::max);
    }
  }

  /** One line per service: peak sampled, the kernel's peak, and whether it stays within 512 MiB. */
  synchronized String report() {
    var lines = new StringBuilder();
    for (var module : modules) {
      long kernelPeak = kibibytes(stack.pidOf(module), "VmHWM") << 10;
      lines.append(
          String.format(
              "  %-16s RSS peak sampled %4d MiB, kernel's peak (VmHWM) %4d MiB: %s%n",
              module,
              sampledPeak.get(module) >> 20,
              kernelPeak >> 20,
              kernelPeak <= LIMIT_BYTES ? "within 512 MiB" : "ABOVE 512 MiB"));
    }
    return lines.toString();
  }

  static long kibibytes(long pid, String field) {
    try {
      for (var line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the memory of process " + pid, e);
    }
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}
