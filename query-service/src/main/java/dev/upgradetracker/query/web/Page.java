package dev.upgradetracker.query.web;

import java.util.Comparator;
import java.util.List;

/**
 * One page of a fleet-wide list: {@code total} items match, {@code items} are page {@code page}.
 */
public record Page<T>(List<T> items, int total, int page, int size) {

  public static final int MAX_SIZE = 500;

  /** Sorts the matches and cuts page {@code page} (from 0) of {@code size} out of them. */
  public static <T> Page<T> of(List<T> matches, Comparator<T> order, int page, int size) {
    check(page, size);
    var sorted = matches.stream().sorted(order).toList();
    int from = (int) Math.min((long) page * size, sorted.size());
    int to = Math.min(from + size, sorted.size());
    return new Page<>(sorted.subList(from, to), sorted.size(), page, size);
  }

  /** Throws {@link BadQuery} for a page before the first or a size out of bounds. */
  public static void check(int page, int size) {
    check("page", page, "size", size);
  }

  /** As {@link #check(int, int)}, naming the parameters as the request does. */
  public static void check(String pageName, int page, String sizeName, int size) {
    if (page < 0) {
      throw new BadQuery(pageName + " must be 0 or more, not " + page);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new BadQuery(sizeName + " must be between 1 and " + MAX_SIZE + ", not " + size);
    }
  }
}
