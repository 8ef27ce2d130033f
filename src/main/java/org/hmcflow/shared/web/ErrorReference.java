package org.hmcflow.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;

/**
 * 参考编号 — the short reference a user sees with a server error (the error page, the API's 500 problem as property
 * {@code reference}) and an operator finds in the log line that carries the exception. Eight characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L, no U), so it can be read out on the phone: 30 characters, about
 * 39 bits, plenty to tell one day's failures apart. It says nothing about the failure itself.
 *
 * <p>One reference a request: the first place that meets the failure assigns it (as a request attribute), later ones
 * (the error page rendered on the {@code /error} dispatch) show the same.
 */
public final class ErrorReference {

    /** The property of a problem document, and the error page's model attribute, that holds the reference. */
    public static final String PROPERTY = "reference";
    static final String ATTRIBUTE = ErrorReference.class.getName();
    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ErrorReference() {
    }

    /** The request's reference, assigned now if it has none yet. */
    public static String of(HttpServletRequest request) {
        Object existing = request.getAttribute(ATTRIBUTE);
        if (existing instanceof String reference) {
            return reference;
        }
        String reference = generate();
        request.setAttribute(ATTRIBUTE, reference);
        return reference;
    }

    /** The reference already assigned to the request, or null. */
    static String assigned(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String reference ? reference : null;
    }

    static String generate() {
        char[] chars = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
