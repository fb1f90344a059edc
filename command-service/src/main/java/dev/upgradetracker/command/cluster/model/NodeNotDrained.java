package dev.upgradetracker.command.cluster.model;

import dev.upgradetracker.command.refusal.Refuses;
import dev.upgradetracker.command.refusal.Rule;
import dev.upgradetracker.command.refusal.RuleViolation;
import java.io.Serial;
import java.util.Map;

/** R2: a node is upgraded (or its guest nodes halted) only once nothing runs on it any more. */
@Refuses(Rule.R2)
public final class NodeNotDrained extends RuleViolation {

  @Serial private static final long serialVersionUID = 1L;

  public NodeNotDrained(String host, String stillThere) {
    super("host " + host + " still " + stillThere, Map.of("host", host, "stillThere", stillThere));
  }
}
