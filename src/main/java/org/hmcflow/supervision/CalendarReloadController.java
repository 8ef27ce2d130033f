package org.hmcflow.supervision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hmcflow.calendar.CalendarDataException;
import org.hmcflow.shared.security.CurrentActor;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 日历更新 — an administrator loads the holiday schedule files again (e.g. next year's, just published). */
@RestController
@RequestMapping("/api/admin/calendar")
@Tag(name = "Supervision 督办", description = "Deadline items of every lifecycle")
class CalendarReloadController {

    private final CalendarReloads reloads;

    CalendarReloadController(CalendarReloads reloads) {
        this.reloads = reloads;
    }

    @PostMapping("/reload")
    @Operation(summary = "Read the holiday schedule files again and recompute the open deadlines reaching into the "
            + "years they add (admins)")
    CalendarReloads.Result reload() {
        Actor actor = CurrentActor.get();
        if (!actor.is(Role.ADMIN)) {
            throw new ForbiddenException("hmc.error.calendar.admins-only");
        }
        try {
            return reloads.reload(actor);
        } catch (CalendarDataException e) {
            // a missing or malformed file: nothing changed; the message names file, line and date
            throw InvalidInputException.of("hmc.calendar.locations", "hmc.validation.calendar.file", e.getMessage());
        }
    }
}
