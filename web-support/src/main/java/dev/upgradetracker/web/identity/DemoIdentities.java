package dev.upgradetracker.web.identity;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The identities of the launcher's demo, with tokens everybody knows: never for a real fleet. Each
 * team has an operator ({@code <team>-token}), an approver ({@code <team>-approver-token}) and a
 * lead who is both ({@code <team>-lead-token}, whose own campaigns another approver approves); one
 * auditor, one admin and one metrics scraper serve all teams.
 */
public record DemoIdentities(List<String> teams) {

  public static final String AUDITOR_TOKEN = "audit-token";
  public static final String ADMIN_TOKEN = "admin-token";
  public static final String METRICS_TOKEN = "metrics-token";

  public DemoIdentities {
    teams = List.copyOf(teams);
  }

  public static String operatorToken(String team) {
    return team + "-token";
  }

  public static String approverToken(String team) {
    return team + "-approver-token";
  }

  public static String leadToken(String team) {
    return team + "-lead-token";
  }

  /** Each demo identity with its token, in a stable order. */
  public Map<Identity, String> tokens() {
    var tokens = new LinkedHashMap<Identity, String>();
    for (var team : teams) {
      tokens.put(
          new Identity(team + "-operator", team, Set.of(Role.OPERATOR)), operatorToken(team));
      tokens.put(
          new Identity(team + "-approver", team, Set.of(Role.APPROVER)), approverToken(team));
      tokens.put(
          new Identity(team + "-lead", team, EnumSet.of(Role.OPERATOR, Role.APPROVER)),
          leadToken(team));
    }
    tokens.put(new Identity("auditor", "", Set.of(Role.AUDITOR)), AUDITOR_TOKEN);
    tokens.put(new Identity("admin", "", EnumSet.of(Role.ADMIN)), ADMIN_TOKEN);
    tokens.put(new Identity("metrics", "", Set.of(Role.METRICS)), METRICS_TOKEN);
    return tokens;
  }

  /** The API token entries (hashes only), one per line, as {@code API_TOKENS_FILE} reads them. */
  public String entries() {
    return tokens().entrySet().stream()
        .map(e -> ApiTokens.entryFor(e.getKey(), e.getValue()))
        .collect(Collectors.joining("\n", "", "\n"));
  }
}
