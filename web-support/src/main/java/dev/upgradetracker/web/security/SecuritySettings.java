package dev.upgradetracker.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the identities come from (see the README's Security section).
 *
 * @param apiTokens API token entries ({@code user:team:roles:sha256}, separated by {@code ;} or new
 *     lines)
 * @param apiTokensFile a file of such entries, one per line; it must not be readable by group or
 *     others
 * @param jwt JSON Web Tokens: where their keys are and which claims name user, team and roles
 */
@ConfigurationProperties("upgrade-tracker.security")
public record SecuritySettings(String apiTokens, String apiTokensFile, Jwt jwt) {

  /**
   * @param jwkSetFile a JWK set (JSON) holding the issuer's public keys
   * @param jwkSetUri where the issuer publishes them, instead of a file
   * @param issuer when set, a token's {@code iss} must equal it
   */
  public record Jwt(
      String jwkSetFile,
      String jwkSetUri,
      String issuer,
      String userClaim,
      String teamClaim,
      String rolesClaim) {

    public boolean configured() {
      return !isBlank(jwkSetFile) || !isBlank(jwkSetUri);
    }
  }

  static boolean isBlank(String setting) {
    return setting == null || setting.isBlank();
  }
}
