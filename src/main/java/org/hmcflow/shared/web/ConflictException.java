package org.hmcflow.shared.web;

/** 409: the case is not at the step this action belongs to; the message is a message key. */
public class ConflictException extends RuntimeException {

    private final Object[] args;

    public ConflictException(String messageKey, Object... args) {
        super(messageKey);
        this.args = args;
    }

    public Object[] args() {
        return args;
    }
}
