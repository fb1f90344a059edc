package dev.upgradetracker.command.refusal;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The one place where refusals become RFC 9457 problem details. */
@RestControllerAdvice
public class ProblemDetailsAdvice {

  @ExceptionHandler(CommandRefused.class)
  ProblemDetail refused(CommandRefused refusal) {
    var status =
        switch (refusal) {
          case RuleViolation violation -> HttpStatus.CONFLICT;
          case AlreadyExists exists -> HttpStatus.CONFLICT;
          case ActionInProgress busy -> HttpStatus.CONFLICT;
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

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    var problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "the request body is not valid JSON for this command: " + e.getMostSpecificCause().getMessage());
    problem.setTitle("Malformed request");
    return problem;
  }

  private static String title(CommandRefused refusal) {
    return switch (refusal) {
      case RuleViolation violation -> "Rule " + violation.rule() + " refuses this command";
      case AlreadyExists exists -> "Already exists";
      case ActionInProgress busy -> "Host action in progress";
      case NotFound notFound -> "Not found";
      case InvalidInput invalid -> "Invalid input";
    };
  }
}
