package org.hmcflow.shared.web;

/**
 * 409: the case is not at the step this action belongs to, or the record's state forbids it; the message is a message
 * key. When one field's value is the cause (a USCC taken or missing) the problem names that field as well.
 */
public class ConflictException extends RuntimeException {

    private final Object[] args;
    private final String field;

    public ConflictException(String messageKey, Object... args) {
        this(null, messageKey, args);
    }

    private ConflictException(String field, String messageKey, Object[] args) {
        super(messageKey);
        this.field = field;
        this.args = args;
    }

    /** A conflict caused by one field's value; the problem's field list names it. */
    public static ConflictException onField(String field, String messageKey, Object... args) {
        return new ConflictException(field, messageKey, args);
    }

    public Object[] args() {
        return args;
    }

    /** The field the conflict is about, or null. */
    public String field() {
        return field;
    }
}
