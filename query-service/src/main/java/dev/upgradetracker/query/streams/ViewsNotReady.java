package dev.upgradetracker.query.streams;

/** The views are still being built or restored; the caller should retry shortly. */
public class ViewsNotReady extends RuntimeException {

  public ViewsNotReady(String streamsState) {
    super(
        "the views are not ready yet (Kafka Streams is " + streamsState + "); retry shortly",
        null,
        false,
        false);
  }
}
