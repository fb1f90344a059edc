package dev.upgradetracker.events.fleet;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A VM host as inventoried. Versions use HP's notation: HP-UX {@code B.11.23}, Integrity VM {@code
 * A.03.50}, Serviceguard {@code A.11.18}. {@code depot}: the software depot server its {@code
 * update-ux} and {@code swinstall} read from (null: the executor's default depot).
 */
public record VmHost(
    @NotNull @Pattern(regexp = Bounds.NAME, message = Bounds.NAME_FORM) String name,
    @NotNull @Pattern(regexp = Bounds.SSH_ADDRESS, message = Bounds.SSH_ADDRESS_FORM)
        String sshAddress,
    @NotNull @Pattern(regexp = Bounds.HPUX_VERSION, message = Bounds.HPUX_VERSION_FORM)
        String hpuxVersion,
    @NotNull @Pattern(regexp = Bounds.IVM_VERSION, message = Bounds.IVM_VERSION_FORM)
        String ivmVersion,
    @NotNull
        @Pattern(regexp = Bounds.SERVICEGUARD_VERSION, message = Bounds.SERVICEGUARD_VERSION_FORM)
        String serviceguardVersion,
    @Nullable
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Pattern(regexp = Bounds.NAME, message = Bounds.NAME_FORM)
        String depot)
    implements InventoryWarnings.HostVersions {

  /** A host that installs from the executor's default depot. */
  public VmHost(
      String name,
      String sshAddress,
      String hpuxVersion,
      String ivmVersion,
      String serviceguardVersion) {
    this(name, sshAddress, hpuxVersion, ivmVersion, serviceguardVersion, null);
  }
}
