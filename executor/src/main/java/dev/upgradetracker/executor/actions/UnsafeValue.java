package dev.upgradetracker.executor.actions;

import java.io.IOException;
import java.io.Serial;

/** A value that is no plain name would have gone into a command line: nothing is sent. */
public final class UnsafeValue extends IOException {

  @Serial private static final long serialVersionUID = 1L;

  public UnsafeValue(String what, String value) {
    super(
        what
            + " '"
            + (value == null ? "null" : value.replaceAll("[^\\x20-\\x7e]", "?"))
            + "' is not a name (letters, digits, '.', '_', '-'; at most 128): nothing was sent");
  }
}
