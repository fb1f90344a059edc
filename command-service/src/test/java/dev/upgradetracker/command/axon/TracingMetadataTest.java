package dev.upgradetracker.command.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.junit.jupiter.api.Test;

class TracingMetadataTest {

  private final CorrelationDataProvider tracing = new AxonSetup().tracingMetadata();

  @Test
  void anEventRecordsTheTeamAndUserOfTheCommandThatCausedIt() {
    var command =
        GenericCommandMessage.asCommandMessage("move")
            .andMetaData(Map.of(TraceKeys.TEAM, "alpha", TraceKeys.USER, "anna"));

    var recorded = recorded(command);

    assertThat(recorded)
        .containsEntry(TraceKeys.TEAM, "alpha")
        .containsEntry(TraceKeys.USER, "anna")
        .containsEntry(TraceKeys.CAUSATION_ID, command.getIdentifier())
        .doesNotContainKey(TraceKeys.ON_BEHALF_OF);
  }

  @Test
  void aDeadlineActsAsTheSystemOnBehalfOfWhoeverItsSchedulingActedFor() {
    var scheduledByAUser =
        GenericDeadlineMessage.asDeadlineMessage("window", null, Instant.now())
            .andMetaData(Map.of(TraceKeys.TEAM, "alpha", TraceKeys.USER, "anna"));
    var scheduledByTheDriver =
        GenericDeadlineMessage.asDeadlineMessage("step-timeout", null, Instant.now())
            .andMetaData(Map.of(TraceKeys.USER, "campaign-driver", TraceKeys.ON_BEHALF_OF, "dana"));

    assertThat(recorded(scheduledByAUser))
        .containsEntry(TraceKeys.USER, TraceKeys.DEADLINE)
        .containsEntry(TraceKeys.ON_BEHALF_OF, "anna")
        .containsEntry(TraceKeys.TEAM, "alpha");
    assertThat(recorded(scheduledByTheDriver))
        .containsEntry(TraceKeys.USER, TraceKeys.DEADLINE)
        .containsEntry(TraceKeys.ON_BEHALF_OF, "dana");
  }

  private Map<String, Object> recorded(Message<?> message) {
    return Map.copyOf(tracing.correlationDataFor(message));
  }
}
