package dev.upgradetracker.web.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import tools.jackson.databind.json.JsonMapper;

/** Problem details (RFC 9457) for refusals made by servlet filters, before any controller runs. */
public final class ProblemWriter {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemWriter() {}

  public static void write(HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    var problem = new LinkedHashMap<String, Object>();
    problem.put("type", "about:blank");
    problem.put("status", status);
    problem.put("title", title);
    problem.put("detail", detail);
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.getOutputStream().write(JSON.writeValueAsBytes(problem));
  }
}
