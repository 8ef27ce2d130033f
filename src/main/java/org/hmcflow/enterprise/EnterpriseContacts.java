package org.hmcflow.enterprise;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.shared.web.ConflictException;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.shared.web.NotFoundException;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 企业联系人 — an enterprise's contacts, kept by an administrator or by the enterprise's own users, every change
 * audited on the enterprise. Staff may read them; an enterprise user reads and keeps only its own enterprise's.
 */
@Service
@Transactional(readOnly = true)
public class EnterpriseContacts {

    /** Enough for any enterprise; bounds what one enterprise adds to every message for its group. */
    static final int MAX_PER_ENTERPRISE = 20;
    private static final String GROUP_PREFIX = "enterprise-";

    private final EnterpriseContactRepository contacts;
    private final EnterpriseRepository enterprises;
    private final AuditTrail audit;
    private final Clock clock;

    EnterpriseContacts(EnterpriseContactRepository contacts, EnterpriseRepository enterprises, AuditTrail audit,
                       Clock clock) {
        this.contacts = contacts;
        this.enterprises = enterprises;
        this.audit = audit;
        this.clock = clock;
    }

    public List<EnterpriseContact> of(Actor actor, Long enterpriseId) {
        requireVisible(actor, enterpriseId);
        return contacts.findByEnterpriseIdOrderById(enterpriseId);
    }

    @Transactional
    public EnterpriseContact add(Actor actor, Long enterpriseId, String name, String phone, String email) {
        requireKeeper(actor, enterpriseId);
        if (contacts.countByEnterpriseId(enterpriseId) >= MAX_PER_ENTERPRISE) {
            throw new ConflictException("hmc.error.enterprise.contacts-limit", MAX_PER_ENTERPRISE);
        }
        EnterpriseContact c = contacts.save(new EnterpriseContact(enterpriseId, name, phone, email, clock.instant()));
        audit.record(EnterpriseService.CASE_TYPE, enterpriseId, "CONTACT_ADDED", actor, null, fields(c));
        return c;
    }

    @Transactional
    public EnterpriseContact update(Actor actor, Long enterpriseId, Long contactId, String name, String phone,
                                    String email) {
        requireKeeper(actor, enterpriseId);
        EnterpriseContact c = find(enterpriseId, contactId);
        c.set(name, phone, email, clock.instant());
        audit.record(EnterpriseService.CASE_TYPE, enterpriseId, "CONTACT_CHANGED", actor, null, fields(c));
        return c;
    }

    @Transactional
    public void remove(Actor actor, Long enterpriseId, Long contactId) {
        requireKeeper(actor, enterpriseId);
        EnterpriseContact c = find(enterpriseId, contactId);
        contacts.delete(c);
        audit.record(EnterpriseService.CASE_TYPE, enterpriseId, "CONTACT_REMOVED", actor, null, fields(c));
    }

    /**
     * The contacts' e-mail addresses of the enterprises among these groups ({@code enterprise-<id>}), in one read;
     * other groups add nothing.
     */
    public List<String> emailsOf(Collection<String> groups) {
        List<Long> ids = new ArrayList<>();
        for (String g : groups) {
            if (g != null && g.startsWith(GROUP_PREFIX)) {
                try {
                    ids.add(Long.valueOf(g.substring(GROUP_PREFIX.length())));
                } catch (NumberFormatException e) {
                    // not an enterprise's group
                }
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        return contacts.findByEnterpriseIdInAndEmailIsNotNullOrderById(ids).stream().map(EnterpriseContact::getEmail)
                .toList();
    }

    private EnterpriseContact find(Long enterpriseId, Long contactId) {
        return contacts.findById(contactId).filter(c -> c.getEnterpriseId().equals(enterpriseId))
                .orElseThrow(() -> new NotFoundException("contact " + contactId));
    }

    /** Staff read every enterprise's contacts; an enterprise user only its own (another's: not found). */
    private void requireVisible(Actor actor, Long enterpriseId) {
        if (actor.is(Role.ENTERPRISE) && !enterpriseId.equals(actor.enterpriseId())
                || !enterprises.existsById(enterpriseId)) {
            throw new NotFoundException("enterprise " + enterpriseId);
        }
    }

    /** An administrator, or a user of the enterprise itself. */
    private void requireKeeper(Actor actor, Long enterpriseId) {
        requireVisible(actor, enterpriseId);
        if (!actor.is(Role.ADMIN) && !actor.is(Role.ENTERPRISE)) {
            throw new ForbiddenException("hmc.error.enterprise.contacts-keepers");
        }
    }

    private static Map<String, Object> fields(EnterpriseContact c) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("contactId", c.getId());
        f.put("name", c.getName());
        f.put("phone", c.getPhone());
        f.put("email", c.getEmail());
        return f;
    }
}
