package dev.upgradetracker.kafka;

/**
 * Runs a benchmark's body and ends its JVM, whether the body finished or failed: the broker it
 * started ({@link SharedTestBroker}) and the clients' threads outlive the body, and a benchmark's
 * JVM left behind took CPU from every later run.
 */
public final class BenchmarkMain {

  /** A benchmark's work, which may throw anything. */
  public interface Body {
    void run() throws Exception;
  }

  private BenchmarkMain() {}

  public static void run(Body body) {
    int status = 0;
    try {
      body.run();
    } catch (Exception | Error e) {
      e.printStackTrace();
      status = 1;
    }
    System.exit(status);
  }
}
