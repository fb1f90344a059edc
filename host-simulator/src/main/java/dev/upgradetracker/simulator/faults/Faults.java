package dev.upgradetracker.simulator.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The faults in force; the first matching one with hits left applies to a command. */
public final class Faults {

  private final List<Fault> faults = new ArrayList<>();
  private final List<Integer> hitsLeft = new ArrayList<>();

  public synchronized void add(Fault fault) {
    faults.add(fault);
    hitsLeft.add(fault.times());
  }

  /** Takes {@code fault} out of force, leaving the others. */
  public synchronized void remove(Fault fault) {
    int i = faults.indexOf(fault);
    if (i >= 0) {
      faults.remove(i);
      hitsLeft.remove(i);
    }
  }

  public synchronized void clear() {
    faults.clear();
    hitsLeft.clear();
  }

  /** The fault that hits this command, if any, counting the hit. */
  public synchronized Optional<Fault> hit(String host, String commandLine) {
    for (int i = 0; i < faults.size(); i++) {
      if (hitsLeft.get(i) != 0 && faults.get(i).matches(host, commandLine)) {
        if (hitsLeft.get(i) > 0) {
          hitsLeft.set(i, hitsLeft.get(i) - 1);
        }
        return Optional.of(faults.get(i));
      }
    }
    return Optional.empty();
  }
}
