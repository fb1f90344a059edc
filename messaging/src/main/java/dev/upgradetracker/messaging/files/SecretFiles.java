package dev.upgradetracker.messaging.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/** Files holding secrets (private keys, token lists): readable by their owner only. */
public final class SecretFiles {

  private static final Set<PosixFilePermission> OTHERS_MAY_READ =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE);

  private static final Set<PosixFilePermission> OWNER_ONLY_DIR =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> READABLE_FILE =
      PosixFilePermissions.fromString("rw-r--r--");

  private SecretFiles() {}

  /** Refuses a secret that group or others may read or write, naming the file and its mode. */
  public static void requirePrivate(Path file, String setting) {
    try {
      var permissions = Files.getPosixFilePermissions(file);
      var open = EnumSet.copyOf(OTHERS_MAY_READ);
      open.retainAll(permissions);
      if (!open.isEmpty()) {
        throw new IllegalStateException(
            setting
                + " "
                + file
                + " is "
                + PosixFilePermissions.toString(permissions)
                + ": a secret must be readable by its owner only (chmod 600 "
                + file
                + ")");
      }
    } catch (UnsupportedOperationException notPosix) {
      // no POSIX permissions on this file system: nothing to check
    } catch (IOException e) {
      throw new UncheckedIOException(
          setting + " " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Writes a secret, whole or not at all, as a file only its owner can read; a directory it has to
   * create only its owner can enter.
   */
  public static void write(Path file, String content) {
    write(file, content, OWNER_ONLY_FILE);
  }

  /**
   * Writes the public half beside a secret (e.g. a public key), whole or not at all, readable by
   * all; a directory it has to create only its owner can enter.
   */
  public static void writeReadable(Path file, String content) {
    write(file, content, READABLE_FILE);
  }

  private static void write(Path file, String content, Set<PosixFilePermission> mode) {
    try {
      var dir = file.toAbsolutePath().getParent();
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
      }
      var temporary =
          Files.createTempFile(
              dir, ".secret-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
      Files.writeString(temporary, content);
      Files.setPosixFilePermissions(temporary, mode);
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
