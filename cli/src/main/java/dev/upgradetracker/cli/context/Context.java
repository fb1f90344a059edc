package dev.upgradetracker.cli.context;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A named place to work, as kubectl has them: where the services are, and the token used there. */
public record Context(
    @JsonProperty("command-url") String commandUrl,
    @JsonProperty("query-url") String queryUrl,
    @JsonProperty("token") String token) {

  /** This context with what {@code change} gives; what it leaves null stays as it was. */
  Context updatedBy(Context change) {
    return new Context(
        change.commandUrl != null ? change.commandUrl : commandUrl,
        change.queryUrl != null ? change.queryUrl : queryUrl,
        change.token != null ? change.token : token);
  }
}
