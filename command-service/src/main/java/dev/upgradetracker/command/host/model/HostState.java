package dev.upgradetracker.command.host.model;

/** A host's assignment as its events left it. */
public sealed interface HostState {

  record Unassigned() implements HostState {}

  /** {@code sshAddress} in canonical form. */
  record Assigned(String host, String sshAddress, String team) implements HostState {}
}
