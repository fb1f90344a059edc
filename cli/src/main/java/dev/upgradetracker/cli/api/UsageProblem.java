package dev.upgradetracker.cli.api;

/** The tool was asked something it cannot do as asked; the message says what to change. */
public final class UsageProblem extends RuntimeException {

  public UsageProblem(String message) {
    super(message);
  }
}
