package org.hmcflow.permit.issued;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hmcflow.permit.application.ManagementCategory;

/**
 * Test only: a permit stored directly with the validity a test needs, as an existing permit is, for the tests of the
 * packages above the issued permit (its constructor and number stay this package's own).
 */
public final class TestPermits {

    private TestPermits() {
    }

    /** A permit on the application with the enterprise's next site number, without execution reports. */
    public static Permit store(PermitRepository permits, Long applicationId, Long enterpriseId, String uscc,
                               ManagementCategory category, LocalDate validFrom, LocalDate validUntil, String issuedBy,
                               Instant issuedAt) {
        int site = permits.highestSiteNumber(enterpriseId) + 1;
        return permits.save(new Permit(applicationId, enterpriseId, PermitNumber.of(uscc, site), site, category,
                validFrom, validUntil, issuedBy, issuedAt, List.of()));
    }
}
