package org.hmcflow.user;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.hmcflow.audit.AuditTrail;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** HMC-Flow's users: the one entry for other capabilities. */
@Service
@Transactional(readOnly = true)
public class UserService {

    private final AppUserRepository users;
    private final AuditTrail audit;

    UserService(AppUserRepository users, AuditTrail audit) {
        this.users = users;
        this.audit = audit;
    }

    /** The language the user chose for the portal, if any. */
    public Optional<Locale> locale(String username) {
        return users.findById(username).map(AppUser::getLocale).map(Locale::forLanguageTag);
    }

    /**
     * Keeps the language a user chose ({@code ?lang=}; null clears the choice), audited as {@code LOCALE_SET} like
     * the user's other changes; nothing happens when it is the one already kept or the user is unknown.
     */
    @Transactional
    public void chooseLocale(Actor actor, Locale locale) {
        String tag = locale == null ? null : locale.toLanguageTag();
        users.findById(actor.username()).filter(u -> !Objects.equals(u.getLocale(), tag)).ifPresent(u -> {
            Map<String, Object> changes = new HashMap<>();
            changes.put("locale", tag);
            changes.put("previous", u.getLocale());
            u.setLocale(tag);
            audit.record("user", u.getUsername(), "LOCALE_SET", actor, null, changes);
        });
    }

    public Optional<AppUser> find(String username) {
        return users.findById(username);
    }

    public Optional<Actor> actor(String username) {
        return users.findById(username).filter(AppUser::isEnabled).map(UserService::toActor);
    }

    public List<AppUser> all() {
        return users.findAll();
    }

    /**
     * Every user who may sign in, as an actor, ordered by username: the user directory the engine (Camunda Tasklist,
     * Cockpit, Admin and its REST API) reads, whatever login brought the user here.
     */
    public List<Actor> enabledActors() {
        return users.findByEnabledTrue(Sort.by("username")).stream().map(UserService::toActor).toList();
    }

    /** The e-mail addresses of the enabled users in any of these groups (one read of the users). */
    public List<String> emailsOf(java.util.Collection<String> groups) {
        return users.findByEnabledTrue(Sort.by("username")).stream()
                .filter(u -> u.getEmail() != null && toActor(u).groups().stream().anyMatch(groups::contains))
                .map(AppUser::getEmail).toList();
    }

    /** The enabled users in any of these groups with an address who take reminders as a daily digest: name → address. */
    public Map<String, String> digestEmailsOf(java.util.Collection<String> groups) {
        Map<String, String> result = new TreeMap<>();
        users.findByEnabledTrue(Sort.by("username")).stream()
                .filter(u -> u.getEmail() != null && u.isMailDigest()
                        && toActor(u).groups().stream().anyMatch(groups::contains))
                .forEach(u -> result.put(u.getUsername(), u.getEmail()));
        return result;
    }

    /** Sets whether the user takes reminders as a daily digest; returns false for an unknown user. */
    @Transactional
    public boolean setMailDigest(String username, boolean digest) {
        return users.findById(username).map(u -> {
            u.setMailDigest(digest);
            return true;
        }).orElse(false);
    }

    public boolean anyDemoUser() {
        return !users.findByDemoTrue().isEmpty();
    }

    /** Sets or clears a user's e-mail address; returns false for an unknown user. */
    @Transactional
    public boolean setEmail(String username, String email) {
        return users.findById(username).map(u -> {
            u.setEmail(email);
            return true;
        }).orElse(false);
    }

    @Transactional
    public AppUser saveIfAbsent(AppUser user) {
        return users.findById(user.getUsername()).orElseGet(() -> users.save(user));
    }

    /**
     * Creates or updates a user that an external identity provider vouches for (first login provisions it; later
     * logins keep role, department, enterprise and e-mail address in step). Such users have no password here.
     *
     * @throws IllegalStateException when the user exists but has been disabled in HMC-Flow
     */
    @Transactional
    public Provisioning provision(String username, String displayName, Role role, String departmentCode,
                                  Long enterpriseId, String email) {
        Optional<AppUser> existing = users.findById(username);
        if (existing.isEmpty()) {
            AppUser user = new AppUser(username, null, displayName, role, departmentCode, enterpriseId, false);
            user.setEmail(email);
            user = users.save(user);
            Map<String, Object> fields = new TreeMap<>();
            fields.put("email", user.getEmail());
            fields.put("displayName", displayName);
            fields.put("role", role.name());
            fields.put("departmentCode", departmentCode);
            fields.put("enterpriseId", enterpriseId);
            return new Provisioning(toActor(user), true, fields);
        }
        AppUser user = existing.get();
        if (!user.isEnabled()) {
            throw new IllegalStateException("user " + username + " is disabled in HMC-Flow");
        }
        Map<String, Object> changes = new TreeMap<>(user.adopt(displayName, role, departmentCode, enterpriseId));
        String before = user.getEmail();
        user.setEmail(email);
        if (!java.util.Objects.equals(before, user.getEmail())) {
            changes.put("email", user.getEmail());
        }
        return new Provisioning(toActor(user), false, changes);
    }

    /** The outcome of {@link #provision}: the actor, whether it was new, and the fields written. */
    public record Provisioning(Actor actor, boolean created, Map<String, Object> changes) {

        public boolean changed() {
            return created || !changes.isEmpty();
        }
    }

    static Actor toActor(AppUser u) {
        return new Actor(u.getUsername(), u.getDisplayName(), u.getRole(), u.getDepartmentCode(), u.getEnterpriseId());
    }
}
