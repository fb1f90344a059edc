package dev.upgradetracker.cli.api;

import java.io.PrintWriter;
import tools.jackson.databind.JsonNode;

/** Inventory warnings of an answer: states the procedure never produces, one line each. */
public final class Warnings {

  private Warnings() {}

  public static void print(PrintWriter out, JsonNode warnings, String indent) {
    for (var warning : warnings) {
      var rule = warning.path("rule").asString("");
      out.printf(
          "%swarning %s%s: %s%n",
          indent,
          warning.path("kind").asString(""),
          rule.isEmpty() ? "" : " (" + rule + ")",
          warning.path("message").asString(""));
    }
  }
}
