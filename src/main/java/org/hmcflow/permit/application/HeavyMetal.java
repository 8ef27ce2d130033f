package org.hmcflow.permit.application;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.hmcflow.enterprise.Pollutant;

/** Bean Validation constraint: the element symbol of a heavy metal the plans control (null is left to @NotBlank). */
@Documented
@Constraint(validatedBy = HeavyMetal.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@interface HeavyMetal {

    String message() default "{hmc.validation.heavy-metal}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<HeavyMetal, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || Pollutant.isKnown(value);
        }
    }
}
