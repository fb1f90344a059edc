package dev.upgradetracker.executor.actions;

import java.time.Instant;

/**
 * Who hears that a host cannot be reached while its action is still being tried, and that it was
 * reached again: people wait on it, and the action's result may be far off.
 */
public interface Reachability {

  /** Nobody listens. */
  Reachability IGNORED =
      new Reachability() {
        @Override
        public void unreachable(Instant since, String error) {}

        @Override
        public void reached(Instant at) {}
      };

  void unreachable(Instant since, String error);

  void reached(Instant at);
}
