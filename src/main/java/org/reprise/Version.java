package org.reprise;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The Reprise version, filtered into version.properties by Maven (the same from the jar and from classes). */
public final class Version {
    private Version() {
    }

    public static String get() {
        try (InputStream in = Version.class.getResourceAsStream("/org/reprise/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
