package dev.upgradetracker.command.refusal;

import java.util.regex.Pattern;

/**
 * One field a request got wrong: where, as a JSON pointer into the body (RFC 6901, as a fragment:
 * {@code #/hosts/0/ivmVersion}), and what is wrong with it.
 */
public record FieldProblem(String pointer, String detail) {

  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

  /** {@code #/hosts/0/ivmVersion} from Bean Validation's {@code hosts[0].ivmVersion}. */
  public static String pointer(String propertyPath) {
    return "#/" + INDEX.matcher(propertyPath).replaceAll(".$1").replace('.', '/');
  }

  /**
   * {@code hosts[0].ivmVersion} from {@code #/hosts/0/ivmVersion}: the form refusals name fields
   * in.
   */
  public static String field(String pointer) {
    var field = new StringBuilder();
    for (var part : pointer.substring(Math.min(2, pointer.length())).split("/")) {
      if (part.chars().allMatch(Character::isDigit) && !part.isEmpty()) {
        field.append('[').append(part).append(']');
      } else {
        field.append(field.isEmpty() ? "" : ".").append(part);
      }
    }
    return field.toString();
  }
}
