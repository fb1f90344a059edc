package dev.upgradetracker.command.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.junit.jupiter.api.Test;

class VerifiedAggregateCacheTest {

  private final Map<String, Long> storedUpTo = new HashMap<>();
  private final VerifiedAggregateCache cache =
      new VerifiedAggregateCache(10, id -> Optional.ofNullable(storedUpTo.get(id)));

  @Test
  void anAggregateCachedAtTheStoresLastEventIsHandedOut() {
    var entry = cachedAt(3L);
    cache.put("c1", entry);
    storedUpTo.put("c1", 3L);

    assertThat(cache.<String, AggregateCacheEntry<Object>>get("c1")).isSameAs(entry);
  }

  @Test
  void anAggregateAnotherInstanceWroteSinceIsNotHandedOutAndIsDropped() {
    cache.put("c1", cachedAt(3L));
    storedUpTo.put("c1", 4L);

    assertThat(cache.<String, Object>get("c1")).isNull();
    assertThat(cache.containsKey("c1")).isFalse();
  }

  @Test
  void anAggregateWhoseEventsAreGoneFromTheStoreIsNotHandedOut() {
    cache.put("c1", cachedAt(3L));

    assertThat(cache.<String, Object>get("c1")).isNull();
  }

  @Test
  void anAggregateNeverCachedIsLoadedFromTheStore() {
    storedUpTo.put("c1", 3L);

    assertThat(cache.<String, Object>get("c1")).isNull();
  }

  @Test
  void noMoreAggregatesThanItsCapacityAreKept() {
    for (int n = 0; n < 1_000; n++) {
      cache.put("c" + n, cachedAt(0L));
    }

    long kept = 0;
    for (int n = 0; n < 1_000; n++) {
      kept += cache.containsKey("c" + n) ? 1 : 0;
    }
    assertThat(kept).isLessThanOrEqualTo(10);
  }

  @SuppressWarnings("unchecked")
  private static AggregateCacheEntry<Object> cachedAt(Long version) {
    EventSourcedAggregate<Object> aggregate = mock(EventSourcedAggregate.class);
    when(aggregate.version()).thenReturn(version);
    when(aggregate.getAggregateRoot()).thenReturn(new Object());
    return new AggregateCacheEntry<>(aggregate);
  }
}
