package dev.upgradetracker.web.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an identity may do. Roles add up: an operator who is also an approver holds both. */
public enum Role {
  /** Commands the clusters and campaigns of the own team. */
  OPERATOR,
  /** Approves gated steps of the own team's campaigns; not of a campaign the same user started. */
  APPROVER,
  /** Reads everything, starts replays, commands nothing. */
  AUDITOR,
  /** Registers and updates clusters for any team: which hosts a cluster has, which team owns it. */
  ADMIN,
  /** Scrapes the services' metrics. */
  METRICS;

  /** The role as configured and as JWT claims carry it: its name in lower case. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role parse(String name) {
    for (var role : values()) {
      if (role.configName().equals(name.trim().toLowerCase(Locale.ROOT))) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "unknown role '"
            + name
            + "'; the roles are "
            + Arrays.stream(values()).map(Role::configName).collect(Collectors.joining(", ")));
  }
}
