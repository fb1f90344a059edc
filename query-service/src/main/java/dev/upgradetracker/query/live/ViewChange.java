package dev.upgradetracker.query.live;

/**
 * A view's new state as pushed to live subscribers: {@code kind} is {@code cluster}, {@code
 * campaign} or {@code team}; {@code position} grows with every change of the same view and is the
 * Server-Sent Event id a subscriber resumes from.
 */
public record ViewChange(String kind, String key, long position, Object view) {

  public String subject() {
    return subject(kind, key);
  }

  public static String subject(String kind, String key) {
    return kind + ":" + key;
  }
}
