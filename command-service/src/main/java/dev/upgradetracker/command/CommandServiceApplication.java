package dev.upgradetracker.command;

import dev.upgradetracker.web.json.StrictRequestJson;
import dev.upgradetracker.web.kafka.KafkaGateSetup;
import dev.upgradetracker.web.kafka.KafkaSettingsSetup;
import dev.upgradetracker.web.lifecycle.LauncherWatch;
import dev.upgradetracker.web.security.HttpSecurityConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

@SpringBootApplication
@ConfigurationPropertiesScan
@Import({
  HttpSecurityConfiguration.class,
  StrictRequestJson.class,
  LauncherWatch.class,
  KafkaSettingsSetup.class,
  KafkaGateSetup.class
})
public class CommandServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(CommandServiceApplication.class, args);
  }
}
