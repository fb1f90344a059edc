package dev.upgradetracker.messaging.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upgradetracker.events.cluster.ClusterEvent.HostActionRequested;
import dev.upgradetracker.events.cluster.HostAction;
import dev.upgradetracker.events.fleet.UpgradeMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestSignaturesTest {

  private static final HostActionRequested MOVE =
      new HostActionRequested(
          "c1", "a1", "h1", "10.0.0.1:22", new HostAction.MoveGuest("g1", "h1", "h2"));

  private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

  @TempDir Path dir;

  @Test
  void aSignatureProvesExactlyTheRequestItWasMadeFor() {
    var signer = SigningKeys.current(dir);
    var signature = RequestSignatures.sign(signer.key(), MOVE, AT);
    var key = SigningKeys.trusted(dir).get(signer.keyId());

    assertThat(RequestSignatures.verify(key, MOVE, AT, signature)).isTrue();
    assertThat(
            RequestSignatures.verify(
                key,
                new HostActionRequested(
                    "c1", "a1", "h1", "10.0.0.9:22", new HostAction.MoveGuest("g1", "h1", "h2")),
                AT,
                signature))
        .as("re-addressed")
        .isFalse();
    assertThat(
            RequestSignatures.verify(
                key,
                new HostActionRequested(
                    "c1", "a1", "h1", "10.0.0.1:22", new HostAction.MoveGuest("g2", "h1", "h2")),
                AT,
                signature))
        .as("another guest")
        .isFalse();
    assertThat(RequestSignatures.verify(key, MOVE, AT.plusSeconds(3600), signature))
        .as("replayed as if requested later")
        .isFalse();
    assertThat(RequestSignatures.verify(key, MOVE, AT, new byte[64])).isFalse();
    assertThat(RequestSignatures.verify(key, MOVE, AT, new byte[3])).isFalse();
  }

  @Test
  void theDepotAHostInstallsFromIsSignedSoNoForgerCanPointItAtAnotherServer() {
    var update = new HostAction.UpdateNode(UpgradeMode.UPDATE, false);
    var fromOwnDepot = new HostActionRequested("c1", "a1", "h1", "10.0.0.1:22", update, "depot-a");
    var signer = SigningKeys.current(dir);
    var signature = RequestSignatures.sign(signer.key(), fromOwnDepot, AT);
    var key = SigningKeys.trusted(dir).get(signer.keyId());

    assertThat(RequestSignatures.verify(key, fromOwnDepot, AT, signature)).isTrue();
    assertThat(
            RequestSignatures.verify(
                key,
                new HostActionRequested("c1", "a1", "h1", "10.0.0.1:22", update, "evil-depot"),
                AT,
                signature))
        .as("another depot")
        .isFalse();
    assertThat(
            RequestSignatures.verify(
                key,
                new HostActionRequested("c1", "a1", "h1", "10.0.0.1:22", update),
                AT,
                signature))
        .as("the depot left out, for the executor's default")
        .isFalse();
  }

  @Test
  void theFirstStartMakesAKeyOnlyItsOwnerReadsAndLaterStartsUseIt() throws IOException {
    var first = SigningKeys.current(dir.resolve("keys"));
    var again = SigningKeys.current(dir.resolve("keys"));

    assertThat(again.keyId()).isEqualTo(first.keyId()).hasSize(16);
    assertThat(perms(dir.resolve("keys").resolve(first.keyId() + ".key"))).isEqualTo("rw-------");
    assertThat(perms(dir.resolve("keys"))).isEqualTo("rwx------");
    assertThat(SigningKeys.trusted(dir.resolve("keys"))).containsOnlyKeys(first.keyId());
  }

  @Test
  void aRotatedKeySignsFromThenOnWhileTheOldOneIsStillTrusted() throws Exception {
    var old = SigningKeys.current(dir);
    Thread.sleep(20); // the newest key is told by its file's time
    var rotated = SigningKeys.newPair(dir);

    assertThat(SigningKeys.current(dir).keyId()).isEqualTo(rotated.keyId());
    assertThat(SigningKeys.trusted(dir)).containsOnlyKeys(old.keyId(), rotated.keyId());
  }

  private static String perms(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
