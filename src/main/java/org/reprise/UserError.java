package org.reprise;

/**
 * The one error type a user ever sees: a single paragraph naming the file, line or key and the fix.
 * The command line prints {@link #getMessage()} and exits with code 2, never a stack trace.
 */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(oneParagraph(message));
    }

    public UserError(String message, Throwable cause) {
        super(oneParagraph(message), cause);
    }

    /** Line breaks (e.g. from quoted input or a library's text) become spaces: a message is one paragraph. */
    static String oneParagraph(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    /** "file:line:column: message" when a location is known. */
    public static UserError at(String file, int line, int column, String message) {
        if (line > 0) {
            return new UserError(file + ":" + line + ":" + column + ": " + message);
        }
        return new UserError(file + ": " + message);
    }
}
