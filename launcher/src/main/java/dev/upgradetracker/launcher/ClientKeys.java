package dev.upgradetracker.launcher;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import dev.upgradetracker.messaging.files.SecretFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The executor's SSH key pair, made once per data directory (ECDSA P-256); the private key readable
 * by its owner only, as the executor demands.
 */
final class ClientKeys {

  private ClientKeys() {}

  /** Returns the private key's path; its public half is beside it with {@code .pub}. */
  static Path ensure(Path sshDir) throws IOException {
    var privateKey = sshDir.resolve("id_ecdsa");
    var publicKey = sshDir.resolve("id_ecdsa.pub");
    if (Files.exists(privateKey) && Files.exists(publicKey)) {
      return privateKey;
    }
    try {
      var pair = KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
      var key = new ByteArrayOutputStream();
      pair.writePrivateKey(key);
      SecretFiles.write(privateKey, key.toString(StandardCharsets.US_ASCII));
      pair.writePublicKey(publicKey.toString(), "upgrade-tracker-executor");
      pair.dispose();
    } catch (JSchException e) {
      throw new IOException("cannot generate the executor's SSH key", e);
    }
    return privateKey;
  }
}
