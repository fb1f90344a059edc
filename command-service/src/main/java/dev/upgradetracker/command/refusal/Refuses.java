package dev.upgradetracker.command.refusal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rule a {@link RuleViolation} refuses: each of R1–R9 is refused by exactly one class, in the
 * model that checks it (the architecture test holds both).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Refuses {
  Rule value();
}
