package dev.upgradetracker.web.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A traceparent from a record or an event is continued; a malformed one starts a trace anew. */
class TraceParentsTest {

  private static final String PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  private final TraceParents traces;

  TraceParentsTest() {
    var otel = SdkTracerProvider.builder().build().get("test");
    var propagators = ContextPropagators.create(W3CTraceContextPropagator.getInstance());
    traces =
        new TraceParents(
            new OtelTracer(otel, new OtelCurrentTraceContext(), event -> {}),
            new OtelPropagator(propagators, otel));
  }

  @Test
  void aWellFormedTraceparentIsContinuedInItsTrace() {
    var span = traces.continueTrace("work", Optional.of(PARENT));

    assertThat(span.context().traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(span.context().parentId()).isEqualTo("00f067aa0ba902b7");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "garbage",
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01; rm -rf /",
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
      })
  void aMalformedTraceparentStartsATraceOfItsOwnInsteadOfFailing(String malformed) {
    var span = traces.continueTrace("work", Optional.of(malformed));

    assertThat(span.context().traceId())
        .matches("[0-9a-f]{32}")
        .isNotEqualTo("00000000000000000000000000000000")
        .isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(traces.of(span)).startsWith("00-" + span.context().traceId() + "-");
  }

  @Test
  void anOversizedTraceparentStartsATraceOfItsOwn() {
    var span = traces.continueTrace("work", Optional.of(PARENT + "-" + "a".repeat(1_000_000)));

    assertThat(span.context().traceId()).isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
  }
}
