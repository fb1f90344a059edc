package dev.upgradetracker.command.refusal;

import java.io.Serial;
import java.util.Map;

/**
 * A command the procedure's rules forbid in the cluster's current state. Which rule, each subclass
 * says once, as {@link Refuses}.
 */
public abstract non-sealed class RuleViolation extends CommandRefused {

  @Serial private static final long serialVersionUID = 1L;

  protected RuleViolation(String facts, Map<String, Object> details) {
    super(facts, details);
  }

  public Rule rule() {
    return getClass().getAnnotation(Refuses.class).value();
  }

  /** The rule, then the facts: "R4 kit-after-last-host: cannot install ...". */
  @Override
  public String getMessage() {
    return rule() + ": " + super.getMessage();
  }
}
