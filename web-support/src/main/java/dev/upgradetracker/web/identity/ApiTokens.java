package dev.upgradetracker.web.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * API tokens as configured: only each token's SHA-256 is kept, never the token. An entry reads
 * {@code user:team:role,role:sha256-in-hex}; entries are separated by new lines or {@code ;}, and a
 * line starting with {@code #} is a comment. The team is empty for identities of no team (auditors,
 * admins, metrics scrapers).
 */
public final class ApiTokens {

  private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{0,100}");

  private record Entry(Identity identity, byte[] sha256) {}

  private final List<Entry> entries;

  private ApiTokens(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** Parses the entries; a malformed one is refused with its place and what is wrong. */
  public static ApiTokens parse(String text, String source) {
    var entries = new ArrayList<Entry>();
    if (text == null) {
      return new ApiTokens(entries);
    }
    int number = 0;
    for (var raw : text.split("[;\\n]")) {
      var line = raw.trim();
      number++;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      entries.add(entry(line, source + " entry " + number));
    }
    return new ApiTokens(entries);
  }

  private static Entry entry(String line, String where) {
    var parts = line.split(":", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException(
          where + " must read user:team:roles:sha256 (4 fields), has " + parts.length);
    }
    var user = parts[0].trim();
    var team = parts[1].trim();
    if (!NAME.matcher(user).matches() || !NAME.matcher(team).matches()) {
      throw new IllegalArgumentException(
          where + ": user and team are letters, digits, '.', '_', '@' or '-'");
    }
    var roles = EnumSet.noneOf(Role.class);
    try {
      for (var role : parts[2].split(",")) {
        roles.add(Role.parse(role));
      }
      if (!HEX_SHA256.matcher(parts[3].trim()).matches()) {
        throw new IllegalArgumentException(
            "the last field must be the token's SHA-256 in hex (64 characters), never the token");
      }
      return new Entry(new Identity(user, team, roles), HexFormat.of().parseHex(parts[3].trim()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  /**
   * The identity the token stands for. Every entry is compared, in constant time, so the answer's
   * timing tells nothing about which entry or how much of a hash matched.
   */
  public Optional<Identity> identify(String token) {
    var hash = sha256(token);
    Identity found = null;
    for (var entry : entries) {
      if (MessageDigest.isEqual(entry.sha256(), hash)) {
        found = entry.identity();
      }
    }
    return Optional.ofNullable(found);
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** An entry for {@code token}: what an operator writes into the configuration. */
  public static String entryFor(Identity identity, String token) {
    var roles = identity.roles().stream().map(Role::configName).sorted().toList();
    return identity.user()
        + ":"
        + identity.team()
        + ":"
        + String.join(",", roles)
        + ":"
        + HexFormat.of().formatHex(sha256(token));
  }

  static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
