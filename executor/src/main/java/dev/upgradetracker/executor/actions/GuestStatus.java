package dev.upgradetracker.executor.actions;

import java.util.HashMap;
import java.util.Map;

/** Reads {@code hpvmstatus -M}: {@code name:number:os:state}, one guest a line. */
final class GuestStatus {

  private final Map<String, String> states = new HashMap<>();

  private GuestStatus() {}

  static GuestStatus parse(String hpvmstatusOutput) {
    var status = new GuestStatus();
    for (var line : hpvmstatusOutput.split("\n")) {
      var fields = line.split(":");
      if (fields.length >= 4) {
        status.states.put(fields[0].trim(), fields[3].trim());
      }
    }
    return status;
  }

  boolean running(String guest) {
    return states.getOrDefault(guest, "").startsWith("On");
  }
}
