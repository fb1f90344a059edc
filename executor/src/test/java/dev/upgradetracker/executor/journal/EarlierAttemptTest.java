package dev.upgradetracker.executor.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upgradetracker.executor.ssh.CommandOutput;
import dev.upgradetracker.executor.ssh.HostSession;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class EarlierAttemptTest {

  private static final String PS = "UNIX95= ps -e -o args";
  private static final String UPDATE = "update-ux -s depot:/var/depots/oe HPUX11i-VSE-OE";
  private static final EarlierAttempt EARLIER =
      new EarlierAttempt(PS, Duration.ofMillis(300), Duration.ofMillis(10));

  /** A host whose process listings come from a script, the last one repeated. */
  private static final class ScriptedHost implements HostSession {
    final List<String> sent = new ArrayList<>();
    final Deque<CommandOutput> listings = new ArrayDeque<>();

    ScriptedHost listing(int exitCode, String... running) {
      listings.add(
          new CommandOutput(PS, exitCode, "COMMAND\n" + String.join("\n", running) + "\n", ""));
      return this;
    }

    @Override
    public CommandOutput run(String commandLine) {
      sent.add(commandLine);
      if (commandLine.equals(PS)) {
        return listings.size() > 1 ? listings.poll() : listings.peek();
      }
      return new CommandOutput(commandLine, 0, "", "");
    }

    @Override
    public String hostKeyFingerprint() {
      return "SHA256:test";
    }

    @Override
    public HostSession forAction(String actionId) {
      return this;
    }
  }

  @Test
  void anActionWithNoEarlierLinesSendsAtOnce() throws IOException {
    var host = new ScriptedHost();

    EARLIER.awaitedOn(host, List.of()).run("swlist");

    assertThat(host.sent).containsExactly("swlist");
  }

  @Test
  void aResumedActionSendsNothingBeforeItsEarlierAttemptsLastCommandHasEnded() throws IOException {
    var host = new ScriptedHost().listing(0, UPDATE, PS).listing(0, UPDATE, PS).listing(0, PS);
    var session = EARLIER.awaitedOn(host, List.of("swlist", UPDATE));

    session.run("swlist");
    session.run("swinstall T2767AC");

    assertThat(host.sent).containsExactly(PS, PS, PS, "swlist", "swinstall T2767AC");
  }

  @Test
  void onlyTheEarlierAttemptsLastLineIsWaitedForNotAnotherCommandOfTheHost() throws IOException {
    var host = new ScriptedHost().listing(0, "swlist", "/opt/site/bin/backup-host", PS);

    EARLIER.awaitedOn(host, List.of("swlist", UPDATE)).run("swlist");

    assertThat(host.sent).containsExactly(PS, "swlist");
  }

  @Test
  void anEarlierCommandRunningPastThePatienceFailsTheActionNamingIt() {
    var host = new ScriptedHost().listing(0, UPDATE, PS);

    assertThatThrownBy(() -> EARLIER.awaitedOn(host, List.of(UPDATE)).run("swlist"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("'" + UPDATE + "' still runs on the host after PT0.3S");
    assertThat(host.sent).doesNotContain("swlist");
  }

  @Test
  void aHostWhoseProcessesCannotBeListedGetsNothingElse() {
    var host = new ScriptedHost().listing(127, "");

    assertThatThrownBy(() -> EARLIER.awaitedOn(host, List.of(UPDATE)).run("swlist"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot tell whether the earlier attempt's '" + UPDATE + "'")
        .hasMessageContaining("exited 127");
    assertThat(host.sent).containsExactly(PS);
  }
}
