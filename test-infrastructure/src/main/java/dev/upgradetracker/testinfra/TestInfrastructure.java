package dev.upgradetracker.testinfra;

import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/** The backend this test JVM uses, chosen once by {@link BackendChoice} and said in the log. */
public final class TestInfrastructure {

  private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
  private static TestBackend backend;

  private TestInfrastructure() {}

  public static synchronized TestBackend backend() {
    if (backend == null) {
      var setting =
          System.getProperty(BackendChoice.PROPERTY, System.getenv(BackendChoice.VARIABLE));
      backend = BackendChoice.of(setting, TestInfrastructure::dockerAnswers);
      log.info(
          "tests use the {} broker and databases ({}={})",
          backend == TestBackend.LOCAL ? "local" : "containers'",
          BackendChoice.VARIABLE,
          setting == null ? "auto" : setting);
    }
    return backend;
  }

  /**
   * Whether a Docker engine answers. Without a socket or {@code DOCKER_HOST}, Testcontainers is not
   * even asked: its search for an engine takes seconds and logs errors on machines that have none.
   */
  private static boolean dockerAnswers() {
    var home = Path.of(System.getProperty("user.home"));
    boolean anyEngine =
        System.getenv("DOCKER_HOST") != null
            || Files.exists(Path.of("/var/run/docker.sock"))
            || Files.exists(home.resolve(".docker/run/docker.sock"))
            || Files.exists(home.resolve(".testcontainers.properties"));
    try {
      return anyEngine && DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      log.info("no Docker engine answers: {}", e.toString());
      return false;
    }
  }
}
