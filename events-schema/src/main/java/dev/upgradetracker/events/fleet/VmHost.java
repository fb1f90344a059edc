package dev.upgradetracker.events.fleet;

/**
 * A VM host as inventoried. Versions use HP's notation: HP-UX {@code B.11.23}, Integrity VM {@code
 * A.03.50}, Serviceguard {@code A.11.18}.
 */
public record VmHost(
    String name,
    String sshAddress,
    String hpuxVersion,
    String ivmVersion,
    String serviceguardVersion) {}
