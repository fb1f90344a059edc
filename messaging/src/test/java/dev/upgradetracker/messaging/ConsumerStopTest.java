package dev.upgradetracker.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.junit.jupiter.api.Test;

class ConsumerStopTest {

  private final ConsumerStop stop = new ConsumerStop("executor", "requests", "executor-2");

  @Test
  void aLoopThatRunsHasNoReasonToReport() {
    assertThat(stop.why()).isEmpty();
  }

  @Test
  void aLoopFencedByAnotherProcessOfItsNameSaysSoAndNamesTheInstance() {
    var fenced = new KafkaException("poll", new FencedInstanceIdException("fenced"));

    assertThat(ConsumerStop.fenced(fenced)).isTrue();
    assertThat(stop.endedBy(fenced))
        .isEqualTo(
            "another executor took this one's requests as KAFKA_INSTANCE=executor-2; each"
                + " executor needs a name of its own: this one takes no more requests");
    assertThat(stop.why()).contains(stop.endedBy(fenced));
  }

  @Test
  void aLoopEndedByAnyOtherErrorSaysItTakesNoMoreWorkAndNamesTheError() {
    var failure = new IllegalStateException("deserializer broke");

    assertThat(ConsumerStop.fenced(failure)).isFalse();
    assertThat(stop.endedBy(failure))
        .contains("the requests stopped on an error")
        .contains("this executor takes no more requests until it is started again")
        .contains("deserializer broke");
  }
}
