package dev.upgradetracker.command.axon;

/** Metadata keys carried by every command and event. */
public final class TraceKeys {

  public static final String CORRELATION_ID = "correlationId";
  public static final String CAUSATION_ID = "causationId";
  public static final String TEAM = "team";
  public static final String USER = "user";

  /** The OpenTelemetry trace the command or event belongs to, as a W3C traceparent. */
  public static final String TRACE_PARENT = "traceparent";

  /** When the system acts for a campaign (its driver, a deadline): the user who started it. */
  public static final String ON_BEHALF_OF = "onBehalfOf";

  /** The user recorded on events of a deadline that fired. */
  public static final String DEADLINE = "deadline";

  /** On a command only: sent by an admin, who registers and updates clusters for any team. */
  public static final String ADMIN = "admin";

  /** On a command only: the version its sender read (If-Match); the aggregate must be at it. */
  public static final String EXPECTED_VERSION = "expectedVersion";

  private TraceKeys() {}
}
