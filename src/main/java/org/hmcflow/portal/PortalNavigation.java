package org.hmcflow.portal;

import java.util.ArrayList;
import java.util.List;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;

/**
 * The sections of the portal a signed-in user works in, as the top bar lists them: everyone has the home page and
 * the inbox (待办); an enterprise the hazard report (上报隐患); supervisors, heads and admins the supervision
 * dashboard (督办看板). Labels are keys of the {@code ui} bundle.
 */
public record PortalNavigation(List<Item> items) {

    public record Item(String id, String path, String label, boolean current) {
    }

    static PortalNavigation of(Actor actor, String requestPath) {
        List<Item> items = new ArrayList<>();
        add(items, "home", "/", "ui.nav.home", requestPath);
        add(items, "inbox", "/inbox", actor.role() == Role.ENTERPRISE ? "ui.nav.my-steps" : "ui.nav.inbox",
                requestPath);
        if (actor.role() == Role.ENTERPRISE) {
            add(items, "enterprise", "/enterprise", "ui.nav.enterprise", requestPath);
            add(items, "report-hazard", "/hazards/new", "ui.nav.report-hazard", requestPath);
        }
        if (actor.role() == Role.SUPERVISOR || actor.role() == Role.ADMIN || actor.role() == Role.HEAD) {
            add(items, "supervision", "/supervision", "ui.nav.supervision", requestPath);
        }
        return new PortalNavigation(List.copyOf(items));
    }

    private static void add(List<Item> items, String id, String path, String label, String requestPath) {
        boolean current = "/".equals(path) ? "/".equals(requestPath) : requestPath.startsWith(path);
        items.add(new Item(id, path, label, current));
    }
}
