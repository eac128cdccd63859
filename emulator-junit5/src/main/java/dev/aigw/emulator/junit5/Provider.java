package dev.aigw.emulator.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the provider whose {@link dev.aigw.emulator.ProviderScript} a parameter receives, as in
 * {@code @Test void fails(@Provider("openai") ProviderScript openai)}.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface Provider {

    /** Returns the provider slug, e.g. {@code openai}, {@code anthropic} or {@code workers-ai}. */
    String value();
}
