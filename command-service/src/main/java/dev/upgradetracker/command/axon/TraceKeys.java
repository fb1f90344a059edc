package dev.upgradetracker.command.axon;

/** Metadata keys carried by every command and event. */
public final class TraceKeys {

  public static final String CORRELATION_ID = "correlationId";
  public static final String CAUSATION_ID = "causationId";
  public static final String TEAM = "team";
  public static final String USER = "user";

  private TraceKeys() {}
}
