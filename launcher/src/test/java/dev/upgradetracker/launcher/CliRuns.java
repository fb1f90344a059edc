package dev.upgradetracker.launcher;

import dev.upgradetracker.cli.UpgradeCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.Stream;

/** The {@code upgrade} command line run in this JVM against a stack, as a user runs it. */
final class CliRuns {

  private CliRuns() {}

  /** What one run printed and how it exited. */
  record Run(int exitCode, String out, String err) {}

  /** Runs {@code upgrade args...} with {@code token} (none: null) against {@code stack}. */
  static Run upgrade(Stack stack, String token, String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var commandLine = UpgradeCli.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    // no context of the user's own (~/.config/upgrade) may stand in for what a test leaves out
    var connection =
        Stream.of(
            "--command-url",
            stack.commandUrl(),
            "--query-url",
            stack.queryUrl(),
            "--config",
            "target/no-contexts.yaml");
    var withToken = token == null ? Stream.<String>empty() : Stream.of("--token", token);
    var exitCode =
        commandLine.execute(
            Stream.of(Stream.of(args), connection, withToken)
                .flatMap(s -> s)
                .toArray(String[]::new));
    return new Run(exitCode, out.toString(), err.toString());
  }
}
