package org.signkit.core;

/** The toolkit's version, recorded in every output it writes so results can be traced to code. */
public final class SignkitVersion {

    private SignkitVersion() {
    }

    /** The version from the jar manifest, or "dev" when running from classes. */
    public static String current() {
        String v = SignkitVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
