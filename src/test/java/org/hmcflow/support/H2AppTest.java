package org.hmcflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a private in-memory H2 database with demo data, the job executor off (tests fire
 * timers by moving the clock) and a random port. Test classes that share this annotation share one application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:hmc-api;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false"})
public @interface H2AppTest {
}
