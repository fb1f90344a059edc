package dev.upgradetracker.command.host;

/** What an admin's request did to a host's assignment. */
public enum HostChange {
  ASSIGNED,
  REASSIGNED,
  RELEASED,
  UNCHANGED
}
