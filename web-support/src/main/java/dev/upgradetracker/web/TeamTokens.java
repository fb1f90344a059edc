package dev.upgradetracker.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who a bearer token stands for. {@code teams} and {@code auditors} are lists of {@code name=token}
 * separated by commas, e.g. {@code alpha=s3cret,bravo=0ther}.
 */
public final class TeamTokens {

  private final Map<String, Caller> byToken = new HashMap<>();

  public TeamTokens(String teams, String auditors) {
    parse(teams).forEach((name, token) -> byToken.put(token, new Caller(name, false)));
    parse(auditors).forEach((name, token) -> byToken.put(token, new Caller(name, true)));
  }

  public Optional<Caller> caller(String token) {
    return Optional.ofNullable(byToken.get(token));
  }

  /** {@code name=token,name=token} as a map from name to token. */
  public static Map<String, String> parse(String pairs) {
    var tokens = new HashMap<String, String>();
    if (pairs == null) {
      return tokens;
    }
    for (var pair : pairs.split(",")) {
      var nameAndToken = pair.trim().split("=", 2);
      if (nameAndToken.length == 2 && !nameAndToken[0].isBlank() && !nameAndToken[1].isBlank()) {
        tokens.put(nameAndToken[0].trim(), nameAndToken[1].trim());
      }
    }
    return tokens;
  }
}
