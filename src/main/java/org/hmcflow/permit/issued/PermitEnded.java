package org.hmcflow.permit.issued;

import java.time.LocalDate;

/**
 * Published inside the transaction that ends a permit (失效/注销/撤销/吊销): the execution reports of periods that had
 * not ended by {@code endedOn} are no longer required and their processes stop; reports already due stay due.
 */
public record PermitEnded(Long permitId, LocalDate endedOn) {
}
