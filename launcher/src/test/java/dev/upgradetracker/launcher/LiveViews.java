package dev.upgradetracker.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A dashboard's way of seeing views: one Server-Sent Events stream of the query service per cluster
 * ({@code /api/live/clusters/{id}}), each event's id the view's position. Remembers when each
 * position arrived, so a command's answer (its position) can be matched to the moment a live
 * subscriber saw the view that holds it, even when the event came before the answer.
 */
final class LiveViews implements AutoCloseable {

  private static final String ID_FIELD = "id:";

  private final HttpClient client = HttpClient.newHttpClient();
  private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, TreeMap<Long, Long>> arrivals = new ConcurrentHashMap<>();

  private LiveViews() {}

  /** Opens a stream for each cluster; returns once every one has answered. */
  static LiveViews follow(String queryUrl, String token, List<String> clusterIds) throws Exception {
    var views = new LiveViews();
    for (var clusterId : clusterIds) {
      views.open(queryUrl + "/api/live/clusters/" + clusterId, token, clusterId);
    }
    return views;
  }

  private void open(String url, String token, String clusterId) throws Exception {
    var response =
        client.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "the live stream of " + clusterId + " answered " + response.statusCode());
    }
    var arrived = arrivals.computeIfAbsent(clusterId, id -> new TreeMap<>());
    readers.submit(() -> read(response.body(), arrived));
  }

  private static void read(Stream<String> lines, TreeMap<Long, Long> arrived) {
    try (lines) {
      lines
          .filter(line -> line.startsWith(ID_FIELD))
          .forEach(
              line -> {
                long now = System.nanoTime();
                long position = Long.parseLong(line.substring(ID_FIELD.length()).trim());
                synchronized (arrived) {
                  arrived.putIfAbsent(position, now);
                  arrived.notifyAll();
                }
              });
    }
  }

  /**
   * When the cluster's view first arrived at {@code position} or past it ({@link System#nanoTime}).
   */
  long arrivalOf(String clusterId, long position, Duration patience)
      throws InterruptedException, TimeoutException {
    var arrived = arrivals.get(clusterId);
    if (arrived == null) {
      throw new IllegalArgumentException("no live stream follows " + clusterId);
    }
    long deadline = System.nanoTime() + patience.toNanos();
    synchronized (arrived) {
      var seen = arrived.ceilingEntry(position);
      while (seen == null) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new TimeoutException(clusterId + " was not seen at position " + position);
        }
        arrived.wait(Math.max(1, left / 1_000_000));
        seen = arrived.ceilingEntry(position);
      }
      return seen.getValue();
    }
  }

  @Override
  public void close() {
    client.shutdownNow();
    readers.shutdownNow();
  }
}
