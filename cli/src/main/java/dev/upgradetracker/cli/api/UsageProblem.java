package dev.upgradetracker.cli.api;

import java.io.Serial;

/** The tool was asked something it cannot do as asked; the message says what to change. */
public final class UsageProblem extends RuntimeException {

  @Serial private static final long serialVersionUID = 1L;

  public UsageProblem(String message) {
    super(message);
  }
}
