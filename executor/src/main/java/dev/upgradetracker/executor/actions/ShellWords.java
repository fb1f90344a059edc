package dev.upgradetracker.executor.actions;

import java.util.regex.Pattern;

/**
 * What may go into a command line run as root: names only (hosts, guests, packages, patches), each
 * checked again here whatever the command side checked, and shell-quoted all the same.
 */
final class ShellWords {

  /** A host, guest, package or patch name as HP-UX and Serviceguard write them. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private static final Pattern NEEDS_NO_QUOTES = Pattern.compile("[A-Za-z0-9._/:@%+=,-]+");

  private ShellWords() {}

  /** The name, quoted for a POSIX shell; anything but a name is refused. */
  static String name(String value, String what) throws UnsafeValue {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new UnsafeValue(what, value);
    }
    return quote(value);
  }

  /** As the shell reads it back as one word: left alone when it holds nothing the shell treats. */
  static String quote(String value) {
    if (NEEDS_NO_QUOTES.matcher(value).matches()) {
      return value;
    }
    return "'" + value.replace("'", "'\"'\"'") + "'";
  }
}
