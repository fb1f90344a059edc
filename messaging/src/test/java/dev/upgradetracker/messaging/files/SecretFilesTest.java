package dev.upgradetracker.messaging.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {

  @TempDir Path dir;

  @Test
  void aSecretIsWrittenReadableByItsOwnerOnlyInADirectoryOnlyItsOwnerEnters() throws IOException {
    var file = dir.resolve("secrets").resolve("tokens");

    SecretFiles.write(file, "x");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThat(file).hasContent("x");
    assertThatCode(() -> SecretFiles.requirePrivate(file, "API_TOKENS_FILE"))
        .doesNotThrowAnyException();
  }

  @Test
  void aSecretOthersMayReadIsRefusedNamingTheFileAndTheSetting() throws IOException {
    var file = Files.writeString(dir.resolve("id_ecdsa"), "key");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> SecretFiles.requirePrivate(file, "EXECUTOR_SSH_PRIVATE_KEY"))
        .hasMessageContaining("EXECUTOR_SSH_PRIVATE_KEY " + file)
        .hasMessageContaining("rw-r--r--")
        .hasMessageContaining("chmod 600");
  }
}
