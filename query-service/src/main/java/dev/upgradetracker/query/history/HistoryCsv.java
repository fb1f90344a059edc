package dev.upgradetracker.query.history;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * History entries as CSV (RFC 4180): one row an event; command lines one per line in a cell. Text
 * that a spreadsheet would take for a formula (host output, names: anything a host or a caller
 * wrote) is neutralised with a leading {@code '}, as OWASP advises against CSV injection.
 */
final class HistoryCsv {

  static final String HEADER =
      "at,kind,clusterId,campaignId,position,type,owner,team,user,onBehalfOf,correlationId,"
          + "causationId,"
          + "host,actionId,status,exitCode,durationMillis,commandLines,output,summary,eventId,"
          + "previousHash,hash";

  private HistoryCsv() {}

  static String of(List<HistoryEntry> entries) {
    var csv = new StringBuilder(HEADER).append("\r\n");
    for (var entry : entries) {
      var action = entry.action();
      csv.append(
              Stream.of(
                      entry.at(),
                      entry.kind(),
                      entry.clusterId(),
                      entry.campaignId(),
                      entry.position(),
                      entry.type(),
                      entry.owner(),
                      entry.team(),
                      entry.user(),
                      entry.onBehalfOf(),
                      entry.correlationId(),
                      entry.causationId(),
                      action == null ? null : action.host(),
                      action == null ? null : action.actionId(),
                      action == null ? null : action.status(),
                      action == null ? null : action.exitCode(),
                      action == null ? null : action.durationMillis(),
                      action == null || action.commandLines() == null
                          ? null
                          : String.join("\n", action.commandLines()),
                      action == null ? null : action.output(),
                      entry.summary(),
                      entry.eventId(),
                      entry.previousHash(),
                      entry.hash())
                  .map(HistoryCsv::cell)
                  .collect(Collectors.joining(",")))
          .append("\r\n");
    }
    return csv.toString();
  }

  private static final String FORMULA_STARTS = "=+-@\t\r";

  private static String cell(Object value) {
    var text = Objects.toString(value, "");
    if (value instanceof String && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
