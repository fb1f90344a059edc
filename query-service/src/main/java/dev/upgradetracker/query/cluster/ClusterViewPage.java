package dev.upgradetracker.query.cluster;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.upgradetracker.query.web.Page;

/**
 * A cluster's view as the endpoint answers it: every field of the view, with one page of its guests
 * (a cluster may run 10,000); {@code guestsPage} says which and of how many. Hosts are at most 16
 * (Serviceguard's node limit) and come whole.
 */
record ClusterViewPage(@JsonUnwrapped ClusterView view, GuestsPage guestsPage) {

  /** Page {@code page} (from 0) of {@code size} guests, of {@code total}. */
  record GuestsPage(int page, int size, int total) {}

  static ClusterViewPage of(ClusterView view, int page, int size) {
    Page.check("guestPage", page, "guestSize", size);
    var guests = view.guests();
    int from = (int) Math.min((long) page * size, guests.size());
    int to = Math.min(from + size, guests.size());
    return new ClusterViewPage(
        view.change(d -> d.guests = guests.subList(from, to)),
        new GuestsPage(page, size, guests.size()));
  }
}
