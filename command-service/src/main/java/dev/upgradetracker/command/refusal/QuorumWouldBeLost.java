package dev.upgradetracker.command.refusal;

import java.util.Map;

/**
 * R6: halting guest nodes must leave the cluster a majority of its members (exactly half only with
 * a cluster lock).
 */
public final class QuorumWouldBeLost extends RuleViolation {

  public QuorumWouldBeLost(String host, int leaving, int members, boolean clusterLock) {
    super(
        Rule.R6,
        "halting the "
            + leaving
            + " guest node(s) on "
            + host
            + " would leave "
            + (members - leaving)
            + " of "
            + members
            + " members"
            + (clusterLock ? "" : " and the cluster has no lock"),
        Map.of("host", host, "leaving", leaving, "members", members, "clusterLock", clusterLock));
  }
}
