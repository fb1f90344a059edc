package dev.upgradetracker.command.refusal;

/** The procedure's rules, as numbered in PROCEDURE.md. */
public enum Rule {
  R1("prepared-before-upgrade"),
  R2("node-drained"),
  R3("one-node-at-a-time"),
  R4("kit-after-last-host"),
  R5("valid-move-target"),
  R6("quorum"),
  R7("no-config-change-in-mixed-mode"),
  R8("owner-only"),
  R9("one-campaign-per-cluster");

  private final String slug;

  Rule(String slug) {
    this.slug = slug;
  }

  public String slug() {
    return slug;
  }

  @Override
  public String toString() {
    return name() + " " + slug;
  }
}
