package dev.upgradetracker.web.identity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who sends a request, as an API token or a JWT proves it.
 *
 * @param user the person or system, recorded on every event it causes
 * @param team the team whose clusters it may command; empty for identities of no team
 * @param roles what it may do
 */
public record Identity(String user, String team, Set<Role> roles) {

  public Identity {
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException("an identity needs a user name");
    }
    team = team == null ? "" : team;
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    if (team.isEmpty() && (roles.contains(Role.OPERATOR) || roles.contains(Role.APPROVER))) {
      throw new IllegalArgumentException(
          "user '" + user + "' is an operator or approver but has no team");
    }
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
