package org.reprise.ledger;

/** RFC 4180 fields: quoted only when they hold a comma, a double quote or a line break; quotes doubled. */
final class Csv {
    private Csv() {
    }

    static String field(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
