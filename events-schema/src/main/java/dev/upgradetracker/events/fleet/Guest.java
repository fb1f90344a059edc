package dev.upgradetracker.events.fleet;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A guest, the VM host it runs on, and the version of its guest kit. {@code failoverNodes}: where a
 * guest package may run, in Serviceguard's order (its package's {@code node_name} entries); null
 * when it may run on any node of the cluster.
 */
public record Guest(
    @NotNull @Pattern(regexp = Bounds.NAME, message = Bounds.NAME_FORM) String name,
    @NotNull @Pattern(regexp = Bounds.NAME, message = Bounds.NAME_FORM) String host,
    @NotNull @Pattern(regexp = Bounds.IVM_VERSION, message = Bounds.IVM_VERSION_FORM)
        String kitVersion,
    @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) @Size(max = Bounds.HOSTS_PER_CLUSTER)
        List<@NotNull @Pattern(regexp = Bounds.NAME, message = Bounds.NAME_FORM) String>
            failoverNodes)
    implements InventoryWarnings.GuestKit {

  /** A guest that may run on any node of its cluster. */
  public Guest(String name, String host, String kitVersion) {
    this(name, host, kitVersion, null);
  }
}
