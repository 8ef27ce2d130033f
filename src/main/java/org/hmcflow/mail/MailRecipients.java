package org.hmcflow.mail;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.hmcflow.enterprise.EnterpriseContacts;
import org.hmcflow.user.UserService;
import org.springframework.stereotype.Component;

/**
 * Who gets e-mail for a message to some groups: the enabled users in them with an address, and, for an enterprise's
 * group ({@code enterprise-<id>}), the enterprise's contacts' addresses — each address once (compared as written,
 * ignoring case). Reminders, escalations and orders use this one rule.
 */
@Component
public class MailRecipients {

    private final UserService users;
    private final EnterpriseContacts contacts;

    MailRecipients(UserService users, EnterpriseContacts contacts) {
        this.users = users;
        this.contacts = contacts;
    }

    /** The addresses for these groups, sorted, without duplicates. */
    public List<String> addressesOf(Collection<String> groups) {
        TreeSet<String> addresses = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        addresses.addAll(users.emailsOf(groups));
        addresses.addAll(contacts.emailsOf(groups));
        return List.copyOf(addresses);
    }
}
