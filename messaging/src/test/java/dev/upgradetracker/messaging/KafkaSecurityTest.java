package dev.upgradetracker.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaSecurityTest {

  @TempDir Path dir;

  @Test
  void nothingSetIsPlainKafka() {
    assertThat(KafkaConnection.plain("k:9092").properties())
        .containsOnlyKeys("bootstrap.servers")
        .containsEntry("bootstrap.servers", "k:9092");
    assertThat(new KafkaSecurity("", "", "", "", "", "", "", "", "").properties()).isEmpty();
  }

  @Test
  void scramCredentialsBecomeTheClientsJaasLogin() {
    var security =
        new KafkaSecurity(
            "SASL_SSL", "SCRAM-SHA-512", "tracker", "p\"w\\d", "/etc/ts.p12", "ts", "", "", "");

    var props = new KafkaConnection("k:9093", security).properties();

    assertThat(props)
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry("ssl.truststore.location", "/etc/ts.p12")
        .containsEntry("ssl.truststore.password", "ts")
        .containsEntry(
            "sasl.jaas.config",
            "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"tracker\" password=\"p\\\"w\\\\d\";")
        .doesNotContainKey("ssl.keystore.location");
  }

  @Test
  void aPropertiesFileAddsWhatTheSettingsDoNotName() throws IOException {
    var file =
        Files.writeString(
            dir.resolve("client.properties"), "sasl.login.refresh.buffer.seconds=120\n");
    var security =
        new KafkaSecurity(
            "SASL_PLAINTEXT", "PLAIN", "u", "p", null, null, null, null, file.toString());

    assertThat(security.properties())
        .containsEntry("sasl.login.refresh.buffer.seconds", "120")
        .containsEntry("security.protocol", "SASL_PLAINTEXT");
  }

  @Test
  void aUserForAMechanismWithoutPasswordsIsRefusedNamingTheSetting() {
    assertThatThrownBy(
            () ->
                new KafkaSecurity("SASL_SSL", "GSSAPI", "u", "p", null, null, null, null, null)
                    .properties())
        .hasMessageContaining("KAFKA_SASL_USERNAME")
        .hasMessageContaining("GSSAPI");
    assertThatThrownBy(
            () ->
                new KafkaSecurity(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        dir.resolve("none").toString())
                    .properties())
        .hasMessageContaining("KAFKA_CLIENT_PROPERTIES_FILE");
  }
}
