package dev.upgradetracker.command.axon;

/** Metadata keys carried by every command and event. */
public final class TraceKeys {

  public static final String CORRELATION_ID = "correlationId";
  public static final String CAUSATION_ID = "causationId";
  public static final String TEAM = "team";
  public static final String USER = "user";

  /** On a command only: the version its sender read (If-Match); the aggregate must be at it. */
  public static final String EXPECTED_VERSION = "expectedVersion";

  private TraceKeys() {}
}
