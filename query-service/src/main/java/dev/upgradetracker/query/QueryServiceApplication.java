package dev.upgradetracker.query;

import dev.upgradetracker.web.TeamAuthentication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@Import(TeamAuthentication.class)
@EnableScheduling
public class QueryServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(QueryServiceApplication.class, args);
  }
}
