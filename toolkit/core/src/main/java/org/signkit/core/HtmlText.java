package org.signkit.core;

/** Text made safe for HTML element content and double-quoted attribute values. */
public final class HtmlText {

    private HtmlText() {
    }

    /** {@code &}, {@code <}, {@code >} and {@code "} escaped. */
    public static String escape(Object text) {
        return String.valueOf(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
