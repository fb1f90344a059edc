package dev.upgradetracker.cli.context;

import dev.upgradetracker.cli.api.UsageProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The file that keeps the contexts: tokens are secrets, so it is written for its owner alone, and
 * one that others may read is refused, as ssh refuses such a key.
 */
public final class ContextFile {

  static final long MAX_BYTES = 1024 * 1024;

  private static final YAMLMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private static final EnumSet<PosixFilePermission> FOR_OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.OTHERS_WRITE);

  @Option(
      names = "--config",
      paramLabel = "FILE",
      defaultValue = "${env:UPGRADE_CONFIG}",
      description =
          "the contexts file (env UPGRADE_CONFIG; default $XDG_CONFIG_HOME/upgrade/config.yaml,"
              + " else ~/.config/upgrade/config.yaml)")
  Path file;

  public Path path() {
    if (file != null) {
      return file;
    }
    var xdg = System.getenv("XDG_CONFIG_HOME");
    var base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".config");
    return base.resolve("upgrade").resolve("config.yaml");
  }

  /** The contexts, none when the file does not exist yet. */
  public Contexts read() {
    var path = path();
    if (!Files.exists(path)) {
      return Contexts.NONE;
    }
    try {
      if (Files.size(path) > MAX_BYTES) {
        throw new UsageProblem(path + " is larger than " + MAX_BYTES + " bytes: not a config file");
      }
      if (posix() && Files.getPosixFilePermissions(path).stream().anyMatch(FOR_OTHERS::contains)) {
        throw new UsageProblem(
            path + " holds tokens but others may read or change it; chmod 600 " + path);
      }
      var contexts = YAML.readValue(path.toFile(), Contexts.class);
      return contexts == null ? Contexts.NONE : contexts;
    } catch (JacksonException e) {
      throw new UsageProblem(path + " is not a contexts file: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces the file whole (never half written), readable and writable by its owner only. */
  public void write(Contexts contexts) {
    var path = path().toAbsolutePath();
    try {
      Files.createDirectories(path.getParent());
      var written =
          posix()
              ? Files.createTempFile(
                  path.getParent(),
                  ".config",
                  ".tmp",
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rw-------")))
              : Files.createTempFile(path.getParent(), ".config", ".tmp");
      Files.writeString(written, YAML.writeValueAsString(contexts));
      Files.move(
          written, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
