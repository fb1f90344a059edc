package dev.upgradetracker.command.refusal;

import java.util.Map;

/** R2: a node is upgraded (or its guest nodes halted) only once nothing runs on it any more. */
public final class NodeNotDrained extends RuleViolation {

  public NodeNotDrained(String host, String stillThere) {
    super(
        Rule.R2,
        "host " + host + " still " + stillThere,
        Map.of("host", host, "stillThere", stillThere));
  }
}
