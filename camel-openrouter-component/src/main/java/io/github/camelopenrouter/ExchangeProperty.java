package io.github.camelopenrouter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a constant of {@link OpenRouterConstants} as an exchange property the component sets. Camel's catalog has a
 * place for options and headers but not for exchange properties, so the component doc renders its exchange-property
 * table from these annotations (read at run time), the same way it renders the other tables from the catalog.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ExchangeProperty {

    /** What the property holds and when it is set. */
    String description();

    /** The type of the property's value. */
    String javaType();
}
