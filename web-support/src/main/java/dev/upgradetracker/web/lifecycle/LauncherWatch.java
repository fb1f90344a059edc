package dev.upgradetracker.web.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * Import into a service: started by the launcher ({@code UT_STOP_WITH_LAUNCHER=true}), the service
 * stops when the launcher is gone, however it ended (a kill -9 too: no JVM reaps its children). The
 * launcher holds the write end of the service's standard input; its end is the input's end.
 */
@Configuration(proxyBeanMethods = false)
public class LauncherWatch {

  private static final Logger log = LoggerFactory.getLogger(LauncherWatch.class);

  @EventListener(ApplicationStartedEvent.class)
  void watch(ApplicationStartedEvent started) {
    Environment environment = started.getApplicationContext().getEnvironment();
    if (!environment.getProperty("UT_STOP_WITH_LAUNCHER", Boolean.class, false)) {
      return;
    }
    Thread.ofPlatform().daemon().name("launcher-watch").start(() -> awaitEnd(System.in));
  }

  private static void awaitEnd(InputStream launcher) {
    try {
      while (launcher.read() >= 0) {
        // the launcher sends nothing; anything it did send is ignored
      }
    } catch (IOException e) {
      // a broken pipe is the launcher's end too
    }
    log.warn("the launcher that started this service is gone: stopping");
    System.exit(0);
  }
}
