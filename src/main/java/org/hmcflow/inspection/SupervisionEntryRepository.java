package org.hmcflow.inspection;

import org.springframework.data.jpa.repository.JpaRepository;

interface SupervisionEntryRepository extends JpaRepository<SupervisionEntry, Long> {
}
