package dev.upgradetracker.command.cluster.model;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pcollections.HashTreePMap;
import org.pcollections.HashTreePSet;
import org.pcollections.OrderedPMap;
import org.pcollections.PMap;
import org.pcollections.PSet;
import org.pcollections.PVector;
import org.pcollections.TreePVector;

/**
 * The state's collections as persistent (structure-sharing) ones, so that one event changes one
 * entry in O(log n) instead of copying a cluster's 10,000 guests. A state read back from a snapshot
 * holds plain collections: each is converted once, at its first change.
 */
final class Persistent {

  private Persistent() {}

  /** Keeps the map's order: hosts, guests and packages in the order the cluster lists them. */
  static <V> PMap<String, V> ordered(Map<String, V> map) {
    return map instanceof OrderedPMap<String, V> persistent ? persistent : OrderedPMap.from(map);
  }

  static <V> PMap<String, V> unordered(Map<String, V> map) {
    return map instanceof PMap<String, V> persistent ? persistent : HashTreePMap.from(map);
  }

  static PSet<String> set(Set<String> set) {
    return set instanceof PSet<String> persistent ? persistent : HashTreePSet.from(set);
  }

  static <E> PVector<E> list(List<E> list) {
    return list instanceof PVector<E> persistent ? persistent : TreePVector.from(list);
  }
}
