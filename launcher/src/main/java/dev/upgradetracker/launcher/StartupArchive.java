package dev.upgradetracker.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * How a service starts fast: from its executable jar extracted once (Spring Boot's {@code
 * jarmode=tools extract}) with an archive of the classes it loads ({@link ArchiveFormat}: JDK 25's
 * AOT cache, a CDS archive before it). On this 2-core machine a command service restarted alone
 * then starts in 2.5–3 s from the AOT cache, 5–9 s from the CDS archive, ~15 s from neither; that
 * matters most when several services start at once or one is revived after a crash.
 *
 * <p>A service that finds no archive of its build and JDK records one when its JVM ends (once per
 * build; ~30 s for the AOT cache, ~8 s for CDS): the JDK writes the archive's header last, so a
 * recording cut short is refused by the next start, which records again. Recording at run time
 * instead ({@code jcmd VM.cds dynamic_dump}) paused the service ~9 s and then crashed the JDK
 * 25.0.3 JVM (in {@code LambdaProxyClassDictionary}).
 */
record StartupArchive(
    Path jar, Path archive, ArchiveFormat format, List<String> layout, boolean records) {

  private static final Object EXTRACTING = new Object();

  /**
   * The extracted jar of {@code executableJar} and the archive to start with or to record. An
   * archive fits only the objects' layout it was recorded with ({@code layout}: JVM options such as
   * compact object headers), which its name carries, so a change of layout records a new one
   * instead of starting every time without one.
   */
  static StartupArchive of(Path executableJar, String javaBinary, List<String> layout)
      throws IOException {
    return of(executableJar, javaBinary, layout, ArchiveFormat.of(Runtime.version()));
  }

  static StartupArchive of(
      Path executableJar, String javaBinary, List<String> layout, ArchiveFormat format)
      throws IOException {
    var dir = extracted(executableJar, javaBinary);
    var jdk = "jdk-" + Runtime.version().toString().replace('+', '_');
    var name = new StringBuilder(jdk);
    for (var option : layout) {
      name.append('-').append(option.replaceAll("[^A-Za-z0-9]", ""));
    }
    var archive = dir.resolve(name.append(format.suffix()).toString());
    removeOthers(dir, jdk, archive);
    return new StartupArchive(
        dir.resolve(executableJar.getFileName()), archive, format, layout, !isComplete(archive));
  }

  /** This JDK's archives of a layout or format no longer chosen: ~100–175 MiB each. */
  private static void removeOthers(Path dir, String jdk, Path archive) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (var other : files.toList()) {
        var name = other.getFileName().toString();
        var stem = name.substring(0, name.lastIndexOf('.') + 1);
        boolean sameJdk = stem.equals(jdk + ".") || stem.startsWith(jdk + "-");
        if (sameJdk && ArchiveFormat.isArchive(name) && !other.equals(archive)) {
          Files.deleteIfExists(other);
        }
      }
    }
  }

  List<String> jvmOptions() {
    var options = new ArrayList<>(layout);
    options.addAll(format.options(archive, records));
    return options;
  }

  /** A recording cut short has the zeros where the header goes: its magic number comes last. */
  private static boolean isComplete(Path archive) throws IOException {
    if (!Files.isRegularFile(archive)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(archive)) {
      var magic = in.readNBytes(4);
      return magic.length == 4 && (magic[0] | magic[1] | magic[2] | magic[3]) != 0;
    }
  }

  /**
   * The directory holding the jar's extraction, named after the jar's content, so a jar with other
   * classes gets a new one while a rebuild of the same sources (Maven rewrites the jar at every
   * package, with new times) keeps its extraction and its archive; older extractions are removed.
   */
  private static Path extracted(Path executableJar, String javaBinary) throws IOException {
    var name = executableJar.getFileName().toString().replaceFirst("\\.jar$", "");
    var parent = executableJar.resolveSibling("fast-start");
    var dir = parent.resolve(name + "-" + contentKey(executableJar));
    synchronized (EXTRACTING) {
      if (Files.isDirectory(dir)) {
        return dir;
      }
      Files.createDirectories(parent);
      var partial = parent.resolve(dir.getFileName() + "." + UUID.randomUUID() + ".partial");
      extract(executableJar, partial, javaBinary);
      try {
        Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException anotherLauncherWon) {
        deleteTree(partial);
      } catch (IOException e) {
        if (!Files.isDirectory(dir)) {
          throw e;
        }
        deleteTree(partial); // another launcher's extraction landed first
      }
      removeOlderExtractions(parent, name, dir);
      return dir;
    }
  }

  /** The jar's entries by name, CRC and size: the same for the same classes, whenever built. */
  private static String contentKey(Path jar) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    try (var zip = new ZipFile(jar.toFile())) {
      for (var entries = zip.entries(); entries.hasMoreElements(); ) {
        var entry = entries.nextElement();
        digest.update(
            (entry.getName() + " " + entry.getCrc() + " " + entry.getSize() + "\n")
                .getBytes(StandardCharsets.UTF_8));
      }
    }
    return HexFormat.of().formatHex(digest.digest(), 0, 8);
  }

  private static void extract(Path executableJar, Path destination, String javaBinary)
      throws IOException {
    var process =
        new ProcessBuilder(
                javaBinary,
                "-Djarmode=tools",
                "-jar",
                executableJar.toString(),
                "extract",
                "--destination",
                destination.toString())
            .redirectErrorStream(true)
            .start();
    try {
      var output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IOException("extracting " + executableJar + " failed: " + output);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while extracting " + executableJar, e);
    }
  }

  private static void removeOlderExtractions(Path parent, String name, Path current) {
    try (Stream<Path> siblings = Files.list(parent)) {
      siblings
          .filter(p -> !p.equals(current) && p.getFileName().toString().startsWith(name + "-"))
          .filter(p -> !p.getFileName().toString().endsWith(".partial"))
          .forEach(StartupArchive::deleteTree);
    } catch (IOException ignored) {
      // older extractions only take room in the build's output
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort: the build's output
    }
  }
}
