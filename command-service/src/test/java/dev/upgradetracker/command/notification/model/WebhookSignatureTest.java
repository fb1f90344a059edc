package dev.upgradetracker.command.notification.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  @Test
  void signsTheTimeAndTheExactBodyWithTheWebhooksSecretAsAnyHmacLibraryWould() {
    var header =
        WebhookSignature.header("whsec_test", 1_700_000_000L, "{\"kind\":\"STEP_FAILED\"}");

    // the same HMAC-SHA256, computed by Python's hmac module
    assertThat(header)
        .isEqualTo(
            "t=1700000000,v1=1e82a5c4ac38441f03e2183970c6730a67b88ba89996741e5d69ad075650886a");
  }

  @Test
  void anotherSecretAnotherTimeOrAnotherBodySignDifferently() {
    var signed = WebhookSignature.header("a", 1, "{}");

    assertThat(WebhookSignature.header("b", 1, "{}")).isNotEqualTo(signed);
    assertThat(WebhookSignature.header("a", 2, "{}").substring(4))
        .isNotEqualTo(signed.substring(4));
    assertThat(WebhookSignature.header("a", 1, "{ }")).isNotEqualTo(signed);
  }
}
