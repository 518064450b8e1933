package org.reprise.figure;

import java.nio.file.Path;

/** The two files one figure was written to. */
public record FigureFiles(Path png, Path svg) {
}
