package dev.upgradetracker.command.refusal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rules a procedure step checks before it decides, declared on the step itself: a plan shows
 * them for each planned step, so what it claims is what the step's code says.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Checks {
  Rule[] value();
}
