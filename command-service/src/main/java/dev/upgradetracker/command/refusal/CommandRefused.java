package dev.upgradetracker.command.refusal;

import dev.upgradetracker.command.web.ProblemDetailsAdvice;
import java.io.Serial;
import java.util.Map;

/**
 * Why a command was refused, before any event was written. Each kind maps to one HTTP status, in
 * one place ({@link ProblemDetailsAdvice}).
 */
public abstract sealed class CommandRefused extends RuntimeException
    permits RuleViolation,
        NotFound,
        InvalidInput,
        AlreadyExists,
        ActionInProgress,
        NothingToDo,
        OutOfOrder,
        NotSkippable,
        ConcurrentChange,
        VersionMismatch,
        FourEyes,
        HostTaken,
        AdminOnly,
        TooLarge {

  @Serial private static final long serialVersionUID = 1L;

  /** Transient: a refusal is answered as problem details, never Java-serialized. */
  private final transient Map<String, Object> facts;

  protected CommandRefused(String message, Map<String, Object> facts) {
    super(message, null, false, false);
    this.facts = Map.copyOf(facts);
  }

  public Map<String, Object> facts() {
    return facts;
  }
}
