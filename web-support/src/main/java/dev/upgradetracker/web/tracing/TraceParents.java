package dev.upgradetracker.web.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;

/**
 * OpenTelemetry trace context across the services, as W3C {@code traceparent} values: taken from
 * the span a request or message is handled in, stored on each event's metadata, sent on each Kafka
 * record as a header of that name, and continued by whoever reads the record.
 */
public class TraceParents {

  public static final String HEADER = "traceparent";

  private final Tracer tracer;
  private final Propagator propagator;

  public TraceParents(Tracer tracer, Propagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  /** The span in scope now, as a traceparent; empty outside any span. */
  public Optional<String> current() {
    var span = tracer.currentSpan();
    return span == null ? Optional.empty() : Optional.of(of(span));
  }

  public String of(Span span) {
    var carrier = new HashMap<String, String>();
    propagator.inject(span.context(), carrier, Map::put);
    return carrier.get(HEADER);
  }

  /** A new span, a child of {@code traceparent}'s (a trace of its own when there is none). */
  public Span continueTrace(String name, Optional<String> traceparent) {
    var builder =
        traceparent
            .map(parent -> propagator.extract(Map.of(HEADER, parent), Map::get))
            .orElseGet(tracer::spanBuilder);
    return builder.name(name).start();
  }

  public Tracer.SpanInScope inScope(Span span) {
    return tracer.withSpan(span);
  }

  /** A record's traceparent header, if it has one. */
  public static Optional<String> of(Headers headers) {
    var header = headers.lastHeader(HEADER);
    return header == null
        ? Optional.empty()
        : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
  }

  public static void put(Headers headers, String traceparent) {
    headers.remove(HEADER);
    headers.add(HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
  }
}
