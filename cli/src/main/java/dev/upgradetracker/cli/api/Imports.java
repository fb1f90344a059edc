package dev.upgradetracker.cli.api;

import dev.upgradetracker.cli.UpgradeCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/** Importing a file item by item: reading it, and telling what became of each item. */
public final class Imports {

  private Imports() {}

  /** The file's text; a file that is not there is wrong usage, named as {@code what}. */
  public static String read(Path file, String what) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new UsageProblem(what + " " + file + " does not exist");
    }
    return Files.readString(file);
  }

  /**
   * One line per item: its outcome, its id (the field {@code idField}), and why if refused; below
   * it, its warnings.
   */
  public static void printEach(PrintWriter out, JsonNode items, String idField) {
    for (var item : items) {
      var detail = item.path("detail").asString("");
      out.printf(
          "%-10s %s%s%n",
          item.path("outcome").asString(""),
          item.path(idField).asString(""),
          detail.isEmpty() ? "" : "  " + detail);
      Warnings.print(out, item.path("warnings"), "           ");
    }
  }

  /** 0, or {@link UpgradeCli#REFUSED} when the answer counts any item refused. */
  public static int exitCode(JsonNode answer) {
    return answer.path("refused").asInt() == 0 ? 0 : UpgradeCli.REFUSED;
  }
}
