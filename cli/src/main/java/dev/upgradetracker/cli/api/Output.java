package dev.upgradetracker.cli.api;

import java.io.PrintWriter;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * How a command shows its answer: a table for people (the default), or the services' answer itself
 * as JSON or YAML for scripts. Every command that talks to a service has it.
 */
public final class Output {

  public enum Format {
    TABLE,
    JSON,
    YAML
  }

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  // no defaultValue: picocli would apply it after --json had set the format
  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "table (default), json or yaml: json and yaml print the services' answer")
  Format format = Format.TABLE;

  @Option(names = "--json", hidden = true, description = "the same as -o json")
  void json(boolean on) {
    if (on) {
      format = Format.JSON;
    }
  }

  /** Prints {@code answer} as chosen: the table is {@code table}'s to print. */
  public void print(JsonNode answer, Consumer<PrintWriter> table) {
    write(answer, table, false);
  }

  /**
   * Prints one answer of a stream (a live view's changes): as JSON one document per line, as YAML
   * one document each ({@code ---}), so a reader can take them one at a time.
   */
  public void printNext(JsonNode answer, Consumer<PrintWriter> table) {
    write(answer, table, true);
    out().flush();
  }

  private void write(JsonNode answer, Consumer<PrintWriter> table, boolean oneLine) {
    var out = out();
    switch (format) {
      case TABLE -> table.accept(out);
      case JSON -> out.println(oneLine ? answer.toString() : answer.toPrettyString());
      case YAML -> out.print(yaml(answer));
    }
  }

  public static String yaml(JsonNode answer) {
    return YAML.writeValueAsString(answer);
  }

  public boolean table() {
    return format == Format.TABLE;
  }

  private PrintWriter out() {
    return command.commandLine().getOut();
  }
}
