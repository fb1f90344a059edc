package dev.upgradetracker.command.audit;

import dev.upgradetracker.command.refusal.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Tamper evidence over HTTP: teams and auditors check the stored hash chains. */
@RestController
class VerificationController {

  private final ChainVerifier verifier;

  VerificationController(ChainVerifier verifier) {
    this.verifier = verifier;
  }

  @GetMapping("/api/clusters/{clusterId}/verification")
  ChainReport cluster(@PathVariable String clusterId) {
    return verifier.verify(clusterId).orElseThrow(() -> new NotFound("cluster", clusterId));
  }

  @GetMapping("/api/campaigns/{campaignId}/verification")
  ChainReport campaign(@PathVariable String campaignId) {
    return verifier.verify(campaignId).orElseThrow(() -> new NotFound("campaign", campaignId));
  }

  @GetMapping("/api/verification")
  FleetVerification everything() {
    return verifier.verifyAll();
  }
}
