package dev.upgradetracker.command.input;

import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.events.fleet.Bounds;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The forms of {@link Bounds}, checked on commands that did not come through the HTTP edge's Bean
 * Validation (the domain's own guard); a breach names its field.
 */
public final class InputChecks {

  private static final Pattern NAME = Pattern.compile(Bounds.NAME);
  private static final Pattern ADDRESS = Pattern.compile(Bounds.SSH_ADDRESS);

  private InputChecks() {}

  public static void name(String field, String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new InvalidInput(field, Bounds.NAME_FORM + "; was " + value);
    }
  }

  public static void sshAddress(String field, String value) {
    if (value == null || !ADDRESS.matcher(value).matches()) {
      throw new InvalidInput(field, Bounds.SSH_ADDRESS_FORM + "; was " + value);
    }
  }

  /** The form addresses are compared in: DNS names are case-insensitive. */
  public static String canonicalAddress(String sshAddress) {
    return sshAddress.toLowerCase(Locale.ROOT);
  }

  public static void required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInput(field, "is required");
    }
  }
}
