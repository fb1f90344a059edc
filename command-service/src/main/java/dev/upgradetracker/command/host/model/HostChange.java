package dev.upgradetracker.command.host.model;

/** What an admin's request did to a host's assignment. */
public enum HostChange {
  ASSIGNED,
  REASSIGNED,
  RELEASED,
  UNCHANGED
}
