package dev.upgradetracker.events.host;

/**
 * What an admin asks of a VM host's place in the inventory. A host is known by its name and by its
 * {@code sshAddress} (host:port), each unique in the installation, and belongs to one team, which
 * alone may register clusters over it.
 */
public sealed interface HostCommand {

  String host();

  /** Assigns {@code host} at {@code sshAddress} to {@code team}, or reassigns it. */
  record AssignHost(String host, String sshAddress, String team) implements HostCommand {}

  /** The host belongs to no team any more. */
  record ReleaseHost(String host) implements HostCommand {}
}
