package dev.upgradetracker.testinfra;

/** Where the tests' Kafka broker and PostgreSQL databases come from. */
public enum TestBackend {
  /**
   * The embedded KRaft broker (one per build, {@code SharedTestBroker}) and the machine's
   * PostgreSQL at 127.0.0.1:5432 (or {@code -Dut.test.postgres}): what every build machine has.
   */
  LOCAL,
  /**
   * A Kafka and a PostgreSQL container per test JVM (Testcontainers), removed when it ends: for
   * machines with a Docker engine and neither of the above.
   */
  CONTAINERS
}
