package dev.upgradetracker.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * Free ports for one stack, below Linux's ephemeral range (32768 and up): the simulator's SSH
 * servers and every client socket take ephemeral ports, and one of them could otherwise take a port
 * picked here before the service binds it. A series covers every instance of a service (the second
 * listens {@link Scale#PORT_STEP} above the first), and no port is handed out twice, so two
 * services of one stack never meet on a port nobody held when it was picked.
 */
final class FreePorts {

  private final int lowest;
  private final int highest;
  private final Set<Integer> handedOut = new HashSet<>();

  FreePorts() {
    this(20_000, 32_000);
  }

  /** First ports drawn from {@code lowest} (inclusive) to {@code highest} (exclusive). */
  FreePorts(int lowest, int highest) {
    this.lowest = lowest;
    this.highest = highest;
  }

  /** The first of {@code count} free ports {@code step} apart. */
  synchronized int series(int count, int step) {
    for (int attempt = 0; attempt < 100; attempt++) {
      int first = ThreadLocalRandom.current().nextInt(lowest, highest);
      var ports = IntStream.range(0, count).map(n -> first + n * step).boxed().toList();
      if (ports.stream().allMatch(port -> !handedOut.contains(port) && isFree(port))) {
        handedOut.addAll(ports);
        return first;
      }
    }
    throw new UncheckedIOException(
        new IOException(
            "no "
                + count
                + " free ports "
                + step
                + " apart between "
                + lowest
                + " and "
                + highest));
  }

  int one() {
    return series(1, 1);
  }

  private static boolean isFree(int port) {
    try {
      new ServerSocket(port).close();
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}
