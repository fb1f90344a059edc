package dev.upgradetracker.events.fleet;

/**
 * The bounds and formats of every field a fleet record or command may carry. Requests are checked
 * against them (Jakarta Bean Validation) before anything is decided; events are read as they were
 * written, without them. The README lists them.
 */
public final class Bounds {

  /** Ids and names: clusters, teams, hosts, guests, packages. */
  public static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,62}";

  public static final String NAME_FORM =
      "must be 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit";

  /** host:port, the host a DNS name or an IP address. */
  public static final String SSH_ADDRESS = "[A-Za-z0-9.:\\[\\]-]{1,255}:\\d{1,5}";

  public static final String SSH_ADDRESS_FORM = "must be host:port, e.g. vmh1.example.com:22";

  /** HP-UX 11i: {@code B.11.23} (v2), {@code B.11.31} (v3). */
  public static final String HPUX_VERSION = "B\\.11\\.\\d{2}";

  public static final String HPUX_VERSION_FORM = "must be an HP-UX 11i version such as B.11.23";

  /** Integrity VM and its guest kits: {@code A.03.50}, {@code B.04.00}. */
  public static final String IVM_VERSION = "[AB]\\.0\\d\\.\\d{2}";

  public static final String IVM_VERSION_FORM =
      "must be an Integrity VM version such as A.03.50 or B.04.00";

  /** Serviceguard: {@code A.11.18}. */
  public static final String SERVICEGUARD_VERSION = "A\\.11\\.\\d{2}";

  public static final String SERVICEGUARD_VERSION_FORM =
      "must be a Serviceguard version such as A.11.18";

  /** A caller's action id: a UUID or any other short token. */
  public static final String ACTION_ID = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}";

  public static final String ACTION_ID_FORM =
      "must be 1-128 letters, digits, '.', '_', ':', '@' or '-', starting with a letter or digit";

  /** Serviceguard's node limit: a cluster has at most 16 members. */
  public static final int HOSTS_PER_CLUSTER = 16;

  public static final int GUESTS_PER_CLUSTER = 10_000;
  public static final int PACKAGES_PER_CLUSTER = 300;
  public static final int CLUSTERS_PER_IMPORT = 1_000;
  public static final int HOSTS_PER_IMPORT = 50_000;

  private Bounds() {}
}
