package dev.upgradetracker.messaging.signing;

import dev.upgradetracker.messaging.files.SecretFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Request-signing keys in a directory: {@code <key id>.key} (the private key, PKCS#8, readable by
 * its owner only) and {@code <key id>.pub} (X.509). The command service signs with the newest
 * private key and makes one at first start; every executor trusts each {@code .pub} there. Rotating
 * is adding a newer pair and, once nothing signed with the old one is pending, removing its files.
 */
public final class SigningKeys {

  private SigningKeys() {}

  /** The key to sign with: the newest pair in {@code dir}, made there first if there is none. */
  public static Signer current(Path dir) {
    try {
      var newest = newestPrivateKey(dir);
      if (newest == null) {
        return newPair(dir);
      }
      var keyId = newest.getFileName().toString().replace(".key", "");
      return new Signer(keyId, privateKey(Files.readString(newest)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read request-signing keys in " + dir, e);
    }
  }

  /** Makes a new pair in {@code dir}, which becomes the one to sign with. */
  public static Signer newPair(Path dir) {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      var keyId = RequestSignatures.keyId(pair.getPublic());
      SecretFiles.write(
          dir.resolve(keyId + ".key"),
          Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n");
      SecretFiles.writeReadable(
          dir.resolve(keyId + ".pub"),
          Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n");
      return new Signer(keyId, pair.getPrivate());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this Java runtime has no Ed25519", e);
    }
  }

  /** Every public key in {@code dir}, by key id; a file that is no Ed25519 key is named. */
  public static Map<String, PublicKey> trusted(Path dir) {
    var keys = new HashMap<String, PublicKey>();
    if (!Files.isDirectory(dir)) {
      return keys;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (var file : files.filter(f -> f.toString().endsWith(".pub")).toList()) {
        var key = publicKey(Files.readString(file), file);
        keys.put(RequestSignatures.keyId(key), key);
      }
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read trusted request-signing keys in " + dir, e);
    }
  }

  private static Path newestPrivateKey(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return null;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.toString().endsWith(".key"))
          .max(Comparator.comparing(SigningKeys::modified))
          .orElse(null);
    }
  }

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  private static PrivateKey privateKey(String base64) {
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64.trim())));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("a request-signing private key is no Ed25519 key", e);
    }
  }

  private static PublicKey publicKey(String base64, Path file) {
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.trim())));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(file + " is no Ed25519 public key", e);
    }
  }

  /** A private key and its id. */
  public record Signer(String keyId, PrivateKey key) {}
}
