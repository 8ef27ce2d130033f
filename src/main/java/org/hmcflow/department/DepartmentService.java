package org.hmcflow.department;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The departments and county governments of the plans. */
@Service
@Transactional(readOnly = true)
public class DepartmentService {

    private final DepartmentRepository departments;

    DepartmentService(DepartmentRepository departments) {
        this.departments = departments;
    }

    public List<Department> all() {
        return departments.findAll(Sort.by("code"));
    }

    public Optional<Department> find(String code) {
        return code == null ? Optional.empty() : departments.findById(code);
    }

    public boolean exists(String code) {
        return code != null && departments.existsById(code);
    }
}
