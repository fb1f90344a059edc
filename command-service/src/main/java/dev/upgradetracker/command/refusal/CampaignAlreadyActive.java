package dev.upgradetracker.command.refusal;

import java.util.Map;

/** R9: one active campaign per cluster. */
public final class CampaignAlreadyActive extends RuleViolation {

  public CampaignAlreadyActive(String clusterId, String active, String requested) {
    super(
        Rule.R9,
        "cluster "
            + clusterId
            + " is already in campaign "
            + active
            + "; campaign "
            + requested
            + " cannot start on it",
        Map.of("clusterId", clusterId, "activeCampaign", active, "requestedCampaign", requested));
  }
}
