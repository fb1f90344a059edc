package dev.upgradetracker.command.host.model;

/**
 * What the host ledger holds about a host and the address asked for, read under the host's lock.
 *
 * @param clusterId the cluster the host is in; null when in none
 * @param hostAtAddress the host the address is assigned to; null when it is free
 */
public record LedgerFacts(String clusterId, String hostAtAddress) {}
