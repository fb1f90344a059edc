package dev.upgradetracker.events.fleet;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One cluster as written in a fleet file or a registration request.
 *
 * @param clusterLock whether the cluster has a lock disk or quorum server: with one, losing exactly
 *     half of the members keeps quorum (R6)
 * @param packages application packages; they exist in GUESTS_AS_NODES clusters, where they run on
 *     the guests (in GUESTS_AS_PACKAGES clusters the guests themselves are the packages)
 * @param site the site (data centre) the cluster stands in; null where the fleet does not say
 */
public record ClusterSpec(
    @NotNull @Pattern(regexp = Bounds.NAME, message = Bounds.NAME_FORM) String id,
    @NotNull @Pattern(regexp = Bounds.NAME, message = Bounds.NAME_FORM) String team,
    @NotNull Topology topology,
    boolean clusterLock,
    @NotNull @Size(min = 1, max = Bounds.HOSTS_PER_CLUSTER) List<@NotNull @Valid VmHost> hosts,
    @Size(max = Bounds.GUESTS_PER_CLUSTER) List<@NotNull @Valid Guest> guests,
    @Size(max = Bounds.PACKAGES_PER_CLUSTER) List<@NotNull @Valid AppPackage> packages,
    @Nullable
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Pattern(regexp = Bounds.NAME, message = Bounds.NAME_FORM)
        String site) {

  /** A cluster whose site the fleet does not say. */
  public ClusterSpec(
      String id,
      String team,
      Topology topology,
      boolean clusterLock,
      List<VmHost> hosts,
      List<Guest> guests,
      List<AppPackage> packages) {
    this(id, team, topology, clusterLock, hosts, guests, packages, null);
  }
}
