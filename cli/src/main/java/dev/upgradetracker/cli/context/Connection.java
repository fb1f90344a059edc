package dev.upgradetracker.cli.context;

import dev.upgradetracker.cli.api.Api;
import dev.upgradetracker.cli.api.UsageProblem;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where the services are and who is asking: options, else the environment, else the context in use
 * (see {@code upgrade config}), else the defaults.
 */
public final class Connection {

  private static final String DEFAULT_COMMAND_URL = "http://localhost:8081";
  private static final String DEFAULT_QUERY_URL = "http://localhost:8082";

  @Option(
      names = "--command-url",
      defaultValue = "${env:UPGRADE_COMMAND_URL}",
      description =
          "command service (env UPGRADE_COMMAND_URL, else the context's; default "
              + DEFAULT_COMMAND_URL
              + ")")
  String commandUrl;

  @Option(
      names = "--query-url",
      defaultValue = "${env:UPGRADE_QUERY_URL}",
      description =
          "query service (env UPGRADE_QUERY_URL, else the context's; default "
              + DEFAULT_QUERY_URL
              + ")")
  String queryUrl;

  @Option(
      names = "--token",
      defaultValue = "${env:UPGRADE_TOKEN}",
      description =
          "your API token or JWT (env UPGRADE_TOKEN, else the context's); it says who you are, and"
              + " every command records that user")
  String token;

  @Option(
      names = "--context",
      paramLabel = "NAME",
      defaultValue = "${env:UPGRADE_CONTEXT}",
      description = "use this context for this call (env UPGRADE_CONTEXT)")
  String context;

  @Mixin ContextFile contexts;

  /** Resolved once per command: its contexts file read at most once, one HTTP client. */
  private Api api;

  public Api api() {
    if (api == null) {
      api = resolve();
    }
    return api;
  }

  private Api resolve() {
    // the file is read only when something is left to take from it
    Optional<Context> chosen =
        context != null || commandUrl == null || queryUrl == null || token == null
            ? contexts.read().chosen(context)
            : Optional.empty();
    var tokenUsed = first(token, chosen, Context::token, null);
    if (tokenUsed == null || tokenUsed.isBlank()) {
      throw new UsageProblem(
          "no token: give --token, set UPGRADE_TOKEN, or use a context that has one"
              + " (upgrade config set-context NAME --token ... --use)");
    }
    return new Api(
        strip(first(commandUrl, chosen, Context::commandUrl, DEFAULT_COMMAND_URL)),
        strip(first(queryUrl, chosen, Context::queryUrl, DEFAULT_QUERY_URL)),
        tokenUsed);
  }

  private static String first(
      String given, Optional<Context> chosen, Function<Context, String> field, String otherwise) {
    return given != null ? given : chosen.map(field).orElse(otherwise);
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
