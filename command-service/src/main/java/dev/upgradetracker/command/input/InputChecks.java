package dev.upgradetracker.command.input;

import dev.upgradetracker.command.refusal.InvalidInput;
import java.util.Locale;
import java.util.regex.Pattern;

/** The forms every name and address in a command must have; a breach names its field. */
public final class InputChecks {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
  private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,255}:\\d{1,5}");

  private InputChecks() {}

  public static void name(String field, String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new InvalidInput(
          field,
          "must be 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit; was "
              + value);
    }
  }

  public static void sshAddress(String field, String value) {
    if (value == null || !ADDRESS.matcher(value).matches()) {
      throw new InvalidInput(field, "must be host:port, was " + value);
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
