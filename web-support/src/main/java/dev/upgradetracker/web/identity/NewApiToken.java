package dev.upgradetracker.web.identity;

import dev.upgradetracker.messaging.files.SecretFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;

/**
 * {@code bin/new-api-token}: makes a random API token for a user, prints it once, and prints (or
 * adds to an env file's {@code API_TOKENS}) the entry the services keep: its hash, never the token.
 */
public final class NewApiToken {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String USAGE =
      "usage: bin/new-api-token <user> <team or -> <role,role...> [--env-file FILE]\n"
          + "  roles: operator, approver, auditor, admin, metrics";

  private NewApiToken() {}

  public static void main(String[] args) throws IOException {
    var positional = new ArrayList<String>();
    Path envFile = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--env-file") && i + 1 < args.length) {
        envFile = Path.of(args[++i]);
      } else {
        positional.add(args[i]);
      }
    }
    if (positional.size() != 3) {
      System.err.println(USAGE);
      System.exit(2);
    }
    try {
      var roles = EnumSet.noneOf(Role.class);
      Arrays.stream(positional.get(2).split(",")).forEach(role -> roles.add(Role.parse(role)));
      var team = positional.get(1).equals("-") ? "" : positional.get(1);
      var identity = new Identity(positional.get(0), team, roles);
      var token = newToken();
      var entry = ApiTokens.entryFor(identity, token);
      ApiTokens.parse(entry, "the new entry"); // the services must accept what we write
      System.out.println("token of " + identity.user() + " (shown once, give it to them now):");
      System.out.println("  " + token);
      if (envFile == null) {
        System.out.println("entry for API_TOKENS or API_TOKENS_FILE:");
        System.out.println("  " + entry);
      } else {
        addTo(envFile, entry);
        System.out.println("entry added to API_TOKENS in " + envFile);
      }
    } catch (IllegalArgumentException e) {
      System.err.println("new-api-token: " + e.getMessage() + "\n" + USAGE);
      System.exit(2);
    }
  }

  /** 32 random bytes, URL-safe: no character a shell, a header or an env file would mangle. */
  static String newToken() {
    var bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "ut_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * Adds the entry to the file's {@code API_TOKENS=} line; the file stays readable by its owner
   * only.
   */
  static void addTo(Path envFile, String entry) throws IOException {
    var lines =
        Files.exists(envFile)
            ? new ArrayList<>(Files.readAllLines(envFile))
            : new ArrayList<String>();
    boolean added = false;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("API_TOKENS=")) {
        var existing = lines.get(i).substring("API_TOKENS=".length());
        lines.set(i, "API_TOKENS=" + (existing.isBlank() ? entry : existing + ";" + entry));
        added = true;
      }
    }
    if (!added) {
      lines.add("API_TOKENS=" + entry);
    }
    SecretFiles.write(envFile, String.join("\n", lines) + "\n");
  }
}
