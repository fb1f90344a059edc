package dev.upgradetracker.messaging;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Properties;

/**
 * How every Kafka client of a service authenticates and encrypts: the security protocol, SASL
 * (mechanism and credentials) and TLS stores, and optionally a client properties file applied over
 * them for anything else Kafka offers. Blank settings are left out; all blank is plain Kafka.
 *
 * @param protocol {@code PLAINTEXT}, {@code SSL}, {@code SASL_PLAINTEXT} or {@code SASL_SSL}
 * @param saslMechanism e.g. {@code SCRAM-SHA-512}, {@code SCRAM-SHA-256} or {@code PLAIN}
 * @param propertiesFile a Kafka client properties file (e.g. for OAUTHBEARER or mTLS details)
 */
public record KafkaSecurity(
    String protocol,
    String saslMechanism,
    String saslUsername,
    String saslPassword,
    String truststore,
    String truststorePassword,
    String keystore,
    String keystorePassword,
    String propertiesFile) {

  public static final KafkaSecurity NONE =
      new KafkaSecurity(null, null, null, null, null, null, null, null, null);

  /** The settings for a log line or a health detail: never a password. */
  public String describe() {
    if (blank(protocol) && blank(saslMechanism) && blank(propertiesFile)) {
      return "plain Kafka, no authentication";
    }
    var parts = new ArrayList<String>();
    parts.add("KAFKA_SECURITY_PROTOCOL=" + protocol);
    if (!blank(saslMechanism)) {
      parts.add("KAFKA_SASL_MECHANISM=" + saslMechanism);
    }
    if (!blank(saslUsername)) {
      parts.add("KAFKA_SASL_USERNAME=" + saslUsername);
    }
    if (!blank(propertiesFile)) {
      parts.add("KAFKA_CLIENT_PROPERTIES_FILE=" + propertiesFile);
    }
    return String.join(", ", parts);
  }

  /** The client properties these settings make. */
  public Properties properties() {
    var props = new Properties();
    put(props, "security.protocol", protocol);
    put(props, "sasl.mechanism", saslMechanism);
    if (!blank(saslUsername)) {
      props.put("sasl.jaas.config", jaas());
    }
    put(props, "ssl.truststore.location", truststore);
    put(props, "ssl.truststore.password", truststorePassword);
    put(props, "ssl.keystore.location", keystore);
    put(props, "ssl.keystore.password", keystorePassword);
    if (!blank(propertiesFile)) {
      try (Reader file = Files.newBufferedReader(Path.of(propertiesFile))) {
        props.load(file);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "KAFKA_CLIENT_PROPERTIES_FILE " + propertiesFile + " cannot be read: " + e, e);
      }
    }
    return props;
  }

  private String jaas() {
    var mechanism = blank(saslMechanism) ? "" : saslMechanism.toUpperCase(Locale.ROOT);
    String module;
    if (mechanism.startsWith("SCRAM-")) {
      module = "org.apache.kafka.common.security.scram.ScramLoginModule";
    } else if (mechanism.equals("PLAIN")) {
      module = "org.apache.kafka.common.security.plain.PlainLoginModule";
    } else {
      throw new IllegalArgumentException(
          "KAFKA_SASL_USERNAME is set for the SASL mechanism '"
              + saslMechanism
              + "': user and password work with SCRAM-SHA-256, SCRAM-SHA-512 or PLAIN;"
              + " configure others in KAFKA_CLIENT_PROPERTIES_FILE");
    }
    return module
        + " required username=\""
        + escaped(saslUsername)
        + "\" password=\""
        + escaped(saslPassword == null ? "" : saslPassword)
        + "\";";
  }

  private static String escaped(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static void put(Properties props, String key, String value) {
    if (!blank(value)) {
      props.put(key, value.trim());
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
