package dev.dynamotest.spring.app;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** An application without client beans of its own: Spring Cloud AWS's auto-configuration makes them. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class CloudAwsApplication {
}
