package dev.upgradetracker.command.host.model;

/**
 * One host in the ledger: its assignment, and the cluster it is in (null when in none).
 *
 * @param sshAddress in canonical form
 */
public record HostEntry(String host, String sshAddress, String team, String clusterId) {}
