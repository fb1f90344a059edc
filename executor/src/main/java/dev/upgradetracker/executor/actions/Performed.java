package dev.upgradetracker.executor.actions;

import dev.upgradetracker.executor.ssh.CommandOutput;
import java.util.List;

/**
 * What performing an action ran.
 *
 * @param alreadyDone the probe found the action's effect in place: nothing was changed
 */
public record Performed(boolean alreadyDone, List<CommandOutput> commands) {}
