package dev.upgradetracker.command.axon;

import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;

/**
 * The one place a command becomes an Axon message: its dispatch (which names the aggregate) with
 * who asks and for what ({@link TraceKeys}).
 */
public final class CommandMessages {

  private CommandMessages() {}

  /** A command with the request's metadata: acting team and user, correlation, expected version. */
  public static CommandMessage<Object> of(Object dispatch, Map<String, ?> metadata) {
    return GenericCommandMessage.asCommandMessage(dispatch).andMetaData(metadata);
  }

  /**
   * A command the system sends itself as {@code user} (the campaign driver, the executor's
   * reports), correlated with {@code correlationId}.
   */
  public static CommandMessage<Object> bySystem(
      Object dispatch, String user, String correlationId) {
    return of(dispatch, Map.of(TraceKeys.CORRELATION_ID, correlationId, TraceKeys.USER, user));
  }
}
