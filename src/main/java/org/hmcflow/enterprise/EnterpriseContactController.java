package org.hmcflow.enterprise;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.hmcflow.shared.security.CurrentActor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 企业联系人 — an enterprise's contacts: kept by administrators and the enterprise's own users, read by staff. */
@RestController
@RequestMapping("/api/enterprises/{enterpriseId}/contacts")
@Tag(name = "Enterprises 企业", description = "Contacts 联系人")
class EnterpriseContactController {

    /** A contact: a name, and a phone number (digits, spaces, +, -, parentheses) and/or an e-mail address. */
    record ContactBody(@NotBlank @Size(max = 100) String name,
                       @Size(max = 40) @Pattern(regexp = "^[0-9+\\-() ]*$") String phone,
                       @Email @Size(max = 254) String email) {
    }

    record ContactView(Long id, Long enterpriseId, String name, String phone, String email) {
        static ContactView of(EnterpriseContact c) {
            return new ContactView(c.getId(), c.getEnterpriseId(), c.getName(), c.getPhone(), c.getEmail());
        }
    }

    private final EnterpriseContacts contacts;

    EnterpriseContactController(EnterpriseContacts contacts) {
        this.contacts = contacts;
    }

    @GetMapping
    @Operation(summary = "An enterprise's contacts (staff; an enterprise user: its own)")
    List<ContactView> list(@PathVariable Long enterpriseId) {
        return contacts.of(CurrentActor.get(), enterpriseId).stream().map(ContactView::of).toList();
    }

    @PostMapping
    @Operation(summary = "Add a contact (admins, the enterprise's own users); audited")
    ResponseEntity<ContactView> add(@PathVariable Long enterpriseId, @Valid @RequestBody ContactBody body) {
        EnterpriseContact c = contacts.add(CurrentActor.get(), enterpriseId, body.name(), body.phone(), body.email());
        return ResponseEntity.created(URI.create("/api/enterprises/" + enterpriseId + "/contacts/" + c.getId()))
                .body(ContactView.of(c));
    }

    @PutMapping("/{contactId}")
    @Operation(summary = "Change a contact (admins, the enterprise's own users); audited")
    ContactView update(@PathVariable Long enterpriseId, @PathVariable Long contactId,
                       @Valid @RequestBody ContactBody body) {
        return ContactView.of(contacts.update(CurrentActor.get(), enterpriseId, contactId, body.name(), body.phone(),
                body.email()));
    }

    @DeleteMapping("/{contactId}")
    @Operation(summary = "Remove a contact (admins, the enterprise's own users); audited")
    ResponseEntity<Void> remove(@PathVariable Long enterpriseId, @PathVariable Long contactId) {
        contacts.remove(CurrentActor.get(), enterpriseId, contactId);
        return ResponseEntity.noContent().build();
    }
}
