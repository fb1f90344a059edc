package dev.upgradetracker.executor.proof;

/** What a request's signature says of it. Only {@link #PROVEN} requests reach a host. */
public enum Proof {
  PROVEN,
  UNSIGNED,
  UNKNOWN_KEY,
  BAD_SIGNATURE
}
