package dev.upgradetracker.command.refusal;

import java.io.Serial;
import java.util.Map;

/** A command the procedure's rules forbid in the cluster's current state. */
public abstract non-sealed class RuleViolation extends CommandRefused {

  @Serial private static final long serialVersionUID = 1L;

  private final Rule rule;

  protected RuleViolation(Rule rule, String facts, Map<String, Object> details) {
    super(rule + ": " + facts, details);
    this.rule = rule;
  }

  public Rule rule() {
    return rule;
  }
}
