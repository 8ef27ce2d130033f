package org.hmcflow.mail;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the outbox's sender on its schedule ({@code hmc.mail.send-interval}; it sends only with {@code hmc.mail.enabled}). */
@Configuration
@EnableScheduling
class MailScheduling {
}
