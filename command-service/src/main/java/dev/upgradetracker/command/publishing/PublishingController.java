package dev.upgradetracker.command.publishing;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins see which aggregates the publisher holds back, and have them published again. */
@RestController
@RequestMapping("/api/publishing/parked")
class PublishingController {

  private final ParkedAggregates parked;

  PublishingController(ParkedAggregates parked) {
    this.parked = parked;
  }

  record Listing(long parkedAggregates, List<ParkedAggregates.Parked> parked) {}

  record Retried(int released, long stillParked) {}

  @GetMapping
  Listing list() {
    return new Listing(parked.count(), parked.list());
  }

  @PostMapping("/retry")
  Retried retry() {
    int released = parked.retry();
    return new Retried(released, parked.count());
  }
}
