package org.reprise.tools;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The external programs some tests run. Such a test is tagged {@value #TAG}: it fails (never skips) when a program
 * is missing, naming the Debian packages; {@code make test} installs them when it can, and {@code make test-fast}
 * leaves the tagged tests out on purpose (README, "Tests").
 */
public final class Tools {
    /** The JUnit tag of tests that run pdflatex, poppler or chromium. */
    public static final String TAG = "tools";

    private Tools() {
    }

    /** Fails unless pdflatex (with the packages the report uses) and pdftotext run. */
    public static void requireLatex() {
        require(List.of("pdflatex", "--version"), "texlive-latex-base texlive-latex-recommended "
                + "texlive-latex-extra texlive-science");
        require(List.of("kpsewhich", "--version"), "texlive-latex-base");
        for (String sty : List.of("booktabs.sty", "threeparttable.sty", "siunitx.sty", "makecell.sty",
                "rotating.sty", "geometry.sty", "mathptmx.sty")) {
            if (!finds(sty)) {
                fail("The LaTeX package " + sty + " is missing; install the Debian packages texlive-latex-base "
                        + "texlive-latex-recommended texlive-latex-extra texlive-science (make test does it when "
                        + "it can), or run make test-fast to leave the LaTeX tests out.");
            }
        }
        require(List.of("pdftotext", "-v"), "poppler-utils");
    }

    /** Fails unless Debian's chromium runs. */
    public static void requireChromium() {
        require(List.of("chromium", "--version"), "chromium");
    }

    private static void require(List<String> cmd, String packages) {
        if (!runs(cmd)) {
            fail(cmd.get(0) + " is not installed or does not run; install the Debian package(s) " + packages
                    + " (make test does it when it can), or run make test-fast to leave out the tests that need it.");
        }
    }

    private static boolean finds(String sty) {
        try {
            Process p = new ProcessBuilder("kpsewhich", sty).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether the command starts and exits 0. */
    public static boolean runs(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
