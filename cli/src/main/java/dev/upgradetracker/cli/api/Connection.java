package dev.upgradetracker.cli.api;

import picocli.CommandLine.Option;

/** Where the services are and who is asking: options, or the environment when not given. */
public final class Connection {

  @Option(
      names = "--command-url",
      defaultValue = "${env:UPGRADE_COMMAND_URL:-http://localhost:8081}",
      description = "command service (env UPGRADE_COMMAND_URL; default: ${DEFAULT-VALUE})")
  String commandUrl;

  @Option(
      names = "--query-url",
      defaultValue = "${env:UPGRADE_QUERY_URL:-http://localhost:8082}",
      description = "query service (env UPGRADE_QUERY_URL; default: ${DEFAULT-VALUE})")
  String queryUrl;

  @Option(
      names = "--token",
      defaultValue = "${env:UPGRADE_TOKEN}",
      description =
          "your API token or JWT (env UPGRADE_TOKEN); it says who you are, and every command"
              + " records that user")
  String token;

  public Api api() {
    if (token == null || token.isBlank()) {
      throw new UsageProblem(
          "no token: give --token or set UPGRADE_TOKEN to your team's or auditor's token");
    }
    return new Api(strip(commandUrl), strip(queryUrl), token);
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
