package dev.upgradetracker.launcher;

/**
 * Runs a benchmark's body and ends its JVM: the stack's broker and client threads outlive the body,
 * and a finished (or failed) benchmark's JVM left behind took CPU from every later run.
 */
final class BenchmarkMain {

  interface Body {
    void run() throws Exception;
  }

  private BenchmarkMain() {}

  static void run(Body body) {
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
