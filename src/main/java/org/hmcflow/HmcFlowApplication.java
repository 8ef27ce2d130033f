package org.hmcflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** HMC-Flow — 重金属污染防治业务流程: permits, hidden hazards, inspections and the plans' tasks for a city bureau. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HmcFlowApplication {

    public static void main(String[] args) {
        SpringApplication.run(HmcFlowApplication.class, args);
    }
}
