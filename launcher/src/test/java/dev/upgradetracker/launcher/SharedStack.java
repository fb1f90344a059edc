package dev.upgradetracker.launcher;

import dev.upgradetracker.events.fleet.ClusterSpec;
import dev.upgradetracker.events.fleet.Fleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One running stack for every integration test of this module that only sends commands and reads
 * views: started by the first test that asks, stopped when the test JVM ends. Each test class gets
 * a {@link Tenant} of its own: teams nobody else uses, and the clusters it adds, so team-wide
 * views, histories and metrics show that test's clusters only. Tests that kill or restart a service
 * start a stack of their own instead ({@link TestStacks#on}).
 */
final class SharedStack implements ParameterResolver {

  /** Teams handed out, each with the demo's tokens ({@code <team>-token}, ...). */
  private static final int TEAMS = 64;

  /**
   * Steps are called overdue from their command's first duration on, past 2 s, looked at every
   * second: a test sees a hung step told within seconds (WebhooksIT). A command's usual is its
   * latest duration alone, so a test's own earlier step sets it: from a longer history, the steps
   * that tests before it slowed on purpose made the usual of a backup 15 s and its hang told after
   * 45 s.
   */
  private static final Map<String, String> OVERDUE_SOON =
      Map.of(
          "STEP_OVERDUE_CHECK_EVERY", "1s",
          "STEP_OVERDUE_MIN_SAMPLES", "1",
          "STEP_OVERDUE_SAMPLES", "1",
          "STEP_OVERDUE_FLOOR", "2s");

  private static final AtomicInteger nextTeam = new AtomicInteger();
  private static Stack stack;

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Tenant.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getStore(ExtensionContext.Namespace.create(SharedStack.class))
        .computeIfAbsent(context.getRequiredTestClass(), c -> new Tenant(stack()), Tenant.class);
  }

  private static synchronized Stack stack() {
    if (stack == null) {
      try {
        var teams = IntStream.rangeClosed(1, TEAMS).mapToObj("team%02d"::formatted).toList();
        // in the build's directory, not the OS's temporary one: kept beside the test reports for
        // a look after a failure, and gone with the next clean build
        var stacks = Files.createDirectories(Path.of("target", "shared-stacks"));
        stack =
            Stack.start(
                TestStacks.on(
                    Files.createTempDirectory(stacks.toAbsolutePath(), "stack-"),
                    teams,
                    OVERDUE_SOON));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "shared-stack-stop"));
      } catch (Exception e) {
        throw new IllegalStateException("the shared test stack did not start: " + e, e);
      }
    }
    return stack;
  }

  /** A test class's share of the stack: teams of its own and the clusters it adds. */
  static final class Tenant {

    private final Stack stack;

    Tenant(Stack stack) {
      this.stack = stack;
    }

    Stack stack() {
      return stack;
    }

    /** A team no other test uses. */
    String newTeam() {
      int n = nextTeam.incrementAndGet();
      if (n > TEAMS) {
        throw new IllegalStateException("the shared stack has only " + TEAMS + " teams");
      }
      return "team%02d".formatted(n);
    }

    /** Has the simulator play {@code clusters} and registers them. */
    Fleet add(ClusterSpec... clusters) throws Exception {
      var served = simulate(clusters);
      stack.register(served);
      return served;
    }

    /** Has the simulator play {@code clusters}, leaving them for the test to register. */
    Fleet simulate(ClusterSpec... clusters) {
      return stack.simulate(List.of(clusters));
    }
  }
}
