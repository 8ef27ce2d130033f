package org.hmcflow.department;

/** The department alias file is wrong; thrown at start-up, so the application does not start with it. */
public class DepartmentAliasException extends IllegalStateException {

    DepartmentAliasException(String message) {
        super(message);
    }

    DepartmentAliasException(String message, Throwable cause) {
        super(message, cause);
    }
}
