package dev.upgradetracker.query.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.Test;

class WriteBehindStoreTest {

  @SuppressWarnings("unchecked")
  private final TimestampedKeyValueStore<String, String> beneath =
      mock(TimestampedKeyValueStore.class);

  private final WriteBehindStore<String> store = new WriteBehindStore<>(beneath, 2);

  @Test
  void aViewWrittenBehindIsReadAsLastWrittenWithoutTouchingTheStoreBeneath() {
    store.put("c1", view("first"));
    store.put("c1", view("second"));

    assertThat(store.get("c1").value()).isEqualTo("second");
    verify(beneath, never()).get(any());
    verify(beneath, never()).putAll(anyList());
  }

  @Test
  void aCommitWritesEachPendingViewDownOnceAsLastWrittenThenCommitsTheStoreBeneath() {
    store.put("c1", view("first"));
    store.put("c1", view("second"));
    store.put("c2", view("other"));

    store.commit(Map.of());

    var order = inOrder(beneath);
    order
        .verify(beneath)
        .putAll(List.of(KeyValue.pair("c1", view("second")), KeyValue.pair("c2", view("other"))));
    order.verify(beneath).commit(Map.of());
  }

  @Test
  void iteratingWritesThePendingViewsDownFirstSoThatNoneIsMissed() {
    store.put("c1", view("first"));

    store.all();

    var order = inOrder(beneath);
    order.verify(beneath).putAll(List.of(KeyValue.pair("c1", view("first"))));
    order.verify(beneath).all();
  }

  @Test
  void moreViewsPendingThanItsBoundAreWrittenDownWithoutWaitingForACommit() {
    store.put("c1", view("a"));
    store.put("c2", view("b"));
    verify(beneath, never()).putAll(anyList());

    store.put("c3", view("c"));

    verify(beneath)
        .putAll(
            List.of(
                KeyValue.pair("c1", view("a")),
                KeyValue.pair("c2", view("b")),
                KeyValue.pair("c3", view("c"))));
  }

  @Test
  void closingWritesThePendingViewsDownBeforeTheStoreBeneathCloses() {
    store.put("c1", view("first"));

    store.close();

    var order = inOrder(beneath);
    order.verify(beneath).putAll(List.of(KeyValue.pair("c1", view("first"))));
    order.verify(beneath).close();
  }

  @Test
  void aDeletedViewIsGoneFromThePendingOnesAndFromBeneath() {
    store.put("c1", view("first"));

    store.delete("c1");

    assertThat(store.get("c1")).isNull();
    verify(beneath).delete("c1");
  }

  private static ValueAndTimestamp<String> view(String content) {
    return ValueAndTimestamp.make(content, 1L);
  }
}
