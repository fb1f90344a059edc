package dev.upgradetracker.events.fleet;

/**
 * The versions a host or guest reaches by the 3.x to 4.0 upgrade, in HP's notation: part of the
 * contract, since every reader of the events must agree on what counts as 4.0.
 */
public final class Versions {

  public static final String HPUX_11I_V3 = "B.11.31";
  public static final String IVM_4_0 = "B.04.00";
  public static final String GUEST_KIT_4_0 = "B.04.00";

  /** The first Serviceguard that runs on both 11i v2 and v3: older clusters update to A.11.19. */
  public static final String SERVICEGUARD_ROLLING_BASELINE = "A.11.18";

  public static final String SERVICEGUARD_FOR_IVM_4 = "A.11.19";

  private Versions() {}

  /** Whether an HP version string ({@code A.03.50}, {@code B.04.00}) has major number 4 or more. */
  public static boolean isIntegrityVm4(String version) {
    return major(version) >= 4;
  }

  /** Compares HP version strings by their numbers ({@code A.11.18} < {@code A.11.19}). */
  public static int compare(String left, String right) {
    var a = numbers(left);
    var b = numbers(right);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      int x = i < a.length ? a[i] : 0;
      int y = i < b.length ? b[i] : 0;
      if (x != y) {
        return Integer.compare(x, y);
      }
    }
    return 0;
  }

  /** The first of {@link #numbers}, without splitting the rest: views ask it of every host. */
  private static int major(String version) {
    if (version == null) {
      return 0;
    }
    int at = numbersStart(version);
    int value = 0;
    for (; at < version.length() && version.charAt(at) != '.'; at++) {
      char digit = version.charAt(at);
      if (digit >= '0' && digit <= '9') {
        value = value * 10 + (digit - '0');
      }
    }
    return value;
  }

  /**
   * The numbers of a version, after its letter prefix ({@code B.11.31} -> 11, 31), each part's
   * digits only. Read by hand, not by regular expressions: planning a large cluster asks this of
   * every guest at every step.
   */
  private static int[] numbers(String version) {
    if (version == null) {
      return new int[0];
    }
    var parts = version.substring(numbersStart(version)).split("\\.");
    var numbers = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      int value = 0;
      for (int c = 0; c < parts[i].length(); c++) {
        char digit = parts[i].charAt(c);
        if (digit >= '0' && digit <= '9') {
          value = value * 10 + (digit - '0');
        }
      }
      numbers[i] = value;
    }
    return numbers;
  }

  /** Where the numbers begin: after a letter prefix and its dot, or at the start. */
  private static int numbersStart(String version) {
    int start = 0;
    while (start < version.length() && Character.isLetter(version.charAt(start))) {
      start++;
    }
    return start > 0 && start < version.length() && version.charAt(start) == '.' ? start + 1 : 0;
  }
}
