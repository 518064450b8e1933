package org.reprise.run;

import java.nio.file.Path;

/** spec → data → estimate → results → table → report → render. */
public final class Pipeline {
    private Pipeline() {
    }

    public static void run(Path spec, Path out, Progress progress) {
        throw new UnsupportedOperationException("pipeline not wired yet");
    }

    public static void validate(Path spec, Progress progress) {
        throw new UnsupportedOperationException("pipeline not wired yet");
    }
}
