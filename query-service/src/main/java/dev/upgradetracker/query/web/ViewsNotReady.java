package dev.upgradetracker.query.web;

import java.io.Serial;

/** The views are still being built or restored; the caller should retry shortly. */
public class ViewsNotReady extends RuntimeException {

  @Serial private static final long serialVersionUID = 1L;

  public ViewsNotReady(String streamsState) {
    super(
        "the views are not ready yet (Kafka Streams is " + streamsState + "); retry shortly",
        null,
        false,
        false);
  }
}
