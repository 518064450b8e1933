package org.reprise.spec;

/** A place in the spec file; prints as {@code file:line:column}. Line and column count from 1. */
public record Location(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
