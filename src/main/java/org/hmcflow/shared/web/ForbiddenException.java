package org.hmcflow.shared.web;

/** 403: the caller knows the thing exists but its role or department may not do this; the message is a message key. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String messageKey) {
        super(messageKey);
    }
}
