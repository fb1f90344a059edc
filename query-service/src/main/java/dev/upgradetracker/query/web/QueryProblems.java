package dev.upgradetracker.query.web;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The read side's errors as problem details (RFC 9457), mapped in this one place. */
@RestControllerAdvice
public class QueryProblems {

  @ExceptionHandler(ViewsNotReady.class)
  ResponseEntity<ProblemDetail> notReady(ViewsNotReady e) {
    return retryShortly(e.getMessage());
  }

  @ExceptionHandler(BadQuery.class)
  ProblemDetail badQuery(BadQuery e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.BAD_REQUEST, "parameter '" + e.getName() + "' cannot be '" + e.getValue() + "'");
  }

  @ExceptionHandler(TooManyStreams.class)
  ResponseEntity<ProblemDetail> tooManyStreams(TooManyStreams e) {
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage()));
  }

  @ExceptionHandler(ReplayRunning.class)
  ResponseEntity<ProblemDetail> replayRunning(ReplayRunning e) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setProperty("replayId", e.replayId());
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .location(URI.create("/api/replays/" + e.replayId()))
        .body(problem);
  }

  /** 503 with {@code Retry-After: 1}: what was asked will be there in a moment. */
  public static ResponseEntity<ProblemDetail> retryShortly(String detail) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "1")
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail));
  }

  public static ResponseEntity<?> notFound(String what) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, what + " does not exist"));
  }
}
