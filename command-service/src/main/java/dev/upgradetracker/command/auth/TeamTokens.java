package dev.upgradetracker.command.auth;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who a bearer token stands for. {@code teams} and {@code auditors} are lists of
 * {@code name=token} separated by commas, e.g. {@code alpha=s3cret,bravo=0ther}.
 */
@ConfigurationProperties("upgrade-tracker.auth")
public record TeamTokens(String teams, String auditors) {

  public Optional<Caller> caller(String token) {
    return Optional.ofNullable(parse(teams).get(token))
        .map(team -> new Caller(team, false))
        .or(() -> Optional.ofNullable(parse(auditors).get(token)).map(name -> new Caller(name, true)));
  }

  /** An authenticated caller: a team, or an auditor who may only read. */
  public record Caller(String name, boolean auditor) {}

  private static Map<String, String> parse(String pairs) {
    var byToken = new HashMap<String, String>();
    if (pairs == null) {
      return byToken;
    }
    for (var pair : pairs.split(",")) {
      var nameAndToken = pair.trim().split("=", 2);
      if (nameAndToken.length == 2 && !nameAndToken[1].isBlank()) {
        byToken.put(nameAndToken[1].trim(), nameAndToken[0].trim());
      }
    }
    return byToken;
  }
}
