package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.command.refusal.Refuses;
import dev.upgradetracker.command.refusal.Rule;
import dev.upgradetracker.command.refusal.RuleViolation;
import java.io.Serial;
import java.util.Map;

/**
 * R1: a node is upgraded only after the guests were verified bootable and backed up, and the node
 * backed up.
 */
@Refuses(Rule.R1)
public final class NotPrepared extends RuleViolation {

  @Serial private static final long serialVersionUID = 1L;

  public NotPrepared(String host, String missing) {
    super(
        "node " + host + " cannot be upgraded yet: " + missing,
        Map.of("host", host, "missing", missing));
  }
}
