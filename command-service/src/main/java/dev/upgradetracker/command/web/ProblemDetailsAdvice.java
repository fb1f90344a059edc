package dev.upgradetracker.command.web;

import dev.upgradetracker.command.ownership.model.NotOwner;
import dev.upgradetracker.command.refusal.ActionInProgress;
import dev.upgradetracker.command.refusal.AdminOnly;
import dev.upgradetracker.command.refusal.AlreadyExists;
import dev.upgradetracker.command.refusal.CommandRefused;
import dev.upgradetracker.command.refusal.ConcurrentChange;
import dev.upgradetracker.command.refusal.FieldProblem;
import dev.upgradetracker.command.refusal.FourEyes;
import dev.upgradetracker.command.refusal.HostTaken;
import dev.upgradetracker.command.refusal.InvalidInput;
import dev.upgradetracker.command.refusal.NotFound;
import dev.upgradetracker.command.refusal.NotSkippable;
import dev.upgradetracker.command.refusal.NothingToDo;
import dev.upgradetracker.command.refusal.OutOfOrder;
import dev.upgradetracker.command.refusal.RuleViolation;
import dev.upgradetracker.command.refusal.TooLarge;
import dev.upgradetracker.command.refusal.VersionMismatch;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** The one place where refusals become RFC 9457 problem details. */
@RestControllerAdvice
public class ProblemDetailsAdvice {

  @ExceptionHandler(CommandRefused.class)
  ProblemDetail refused(CommandRefused refusal) {
    var status =
        switch (refusal) {
          case NotOwner notOwner -> HttpStatus.FORBIDDEN;
          case FourEyes sameUser -> HttpStatus.FORBIDDEN;
          case AdminOnly adminOnly -> HttpStatus.FORBIDDEN;
          case HostTaken taken -> HttpStatus.CONFLICT;
          case TooLarge tooLarge -> HttpStatus.CONTENT_TOO_LARGE;
          case RuleViolation violation -> HttpStatus.CONFLICT;
          case AlreadyExists exists -> HttpStatus.CONFLICT;
          case ActionInProgress busy -> HttpStatus.CONFLICT;
          case NothingToDo nothing -> HttpStatus.CONFLICT;
          case OutOfOrder early -> HttpStatus.CONFLICT;
          case NotSkippable skip -> HttpStatus.CONFLICT;
          case ConcurrentChange race -> HttpStatus.CONFLICT;
          case VersionMismatch stale -> HttpStatus.PRECONDITION_FAILED;
          case NotFound notFound -> HttpStatus.NOT_FOUND;
          case InvalidInput invalid -> HttpStatus.BAD_REQUEST;
        };
    var problem = ProblemDetail.forStatusAndDetail(status, refusal.getMessage());
    problem.setTitle(title(refusal));
    refusal.facts().forEach(problem::setProperty);
    if (refusal instanceof RuleViolation violation) {
      problem.setProperty("rule", violation.rule().name());
    }
    return problem;
  }

  /** Axon finds no events for the aggregate before any handler of ours runs. */
  @ExceptionHandler(AggregateNotFoundException.class)
  ProblemDetail unknownAggregate(AggregateNotFoundException e) {
    return refused(new NotFound("cluster", String.valueOf(e.getAggregateIdentifier())));
  }

  /** Every field a request's bounds refuse, each by its JSON pointer (Bean Validation). */
  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalid(MethodArgumentNotValidException e) {
    var errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(
                error ->
                    new FieldProblem(
                        FieldProblem.pointer(error.getField()),
                        "NotNull".equals(error.getCode())
                            ? "is required"
                            : String.valueOf(error.getDefaultMessage())))
            .sorted(Comparator.comparing(FieldProblem::pointer))
            .toList();
    return invalidInput(errors);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    if (e.getMostSpecificCause() instanceof DatabindException mismatch
        && !mismatch.getPath().isEmpty()) {
      var problem =
          mismatch instanceof UnrecognizedPropertyException
              ? "is not a field of this request"
              : "has the wrong type or form: "
                  + mismatch.getOriginalMessage().lines().findFirst().orElse("");
      return invalidInput(List.of(new FieldProblem(pointer(mismatch), problem)));
    }
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "the request body is not valid JSON: "
                + e.getMostSpecificCause().getMessage().lines().findFirst().orElse(""));
    problem.setTitle("Malformed request");
    return problem;
  }

  /**
   * 400 listing each problem; {@code field} and {@code problem} repeat the first, as for any {@link
   * InvalidInput}.
   */
  private ProblemDetail invalidInput(List<FieldProblem> errors) {
    var first = errors.getFirst();
    var problem = refused(new InvalidInput(FieldProblem.field(first.pointer()), first.detail()));
    if (errors.size() > 1) {
      problem.setDetail(
          errors.stream()
              .map(error -> FieldProblem.field(error.pointer()) + ": " + error.detail())
              .collect(Collectors.joining("; ")));
    }
    problem.setProperty("errors", errors);
    return problem;
  }

  /** {@code #/hosts/0/sshAddress} from Jackson's reference chain. */
  private static String pointer(DatabindException e) {
    var pointer = new StringBuilder("#");
    for (var reference : e.getPath()) {
      pointer.append('/');
      if (reference.getPropertyName() != null) {
        pointer.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        pointer.append(reference.getIndex());
      }
    }
    return pointer.toString();
  }

  private static String title(CommandRefused refusal) {
    return switch (refusal) {
      case RuleViolation violation -> "Rule " + violation.rule() + " refuses this command";
      case AlreadyExists exists -> "Already exists";
      case ActionInProgress busy -> "Host action in progress";
      case NothingToDo nothing -> "Nothing to do";
      case OutOfOrder early -> "Step out of order";
      case NotSkippable skip -> "Step cannot be skipped";
      case ConcurrentChange race -> "Concurrent change";
      case VersionMismatch stale -> "Version mismatch";
      case NotFound notFound -> "Not found";
      case InvalidInput invalid -> "Invalid input";
      case FourEyes sameUser -> "Four eyes: another approver must approve";
      case HostTaken taken -> "Host taken";
      case AdminOnly adminOnly -> "Admins only";
      case TooLarge tooLarge -> "Event too large";
    };
  }
}
