package org.signkit.hands;

import java.util.Arrays;
import java.util.Locale;

/** The lower-case names that command lines and specs use for this module's enums. */
final class EnumIds {

    private EnumIds() {
    }

    /** A constant's name as the command line writes it. */
    static String id(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} called {@code id}, or an error naming {@code what} and the choices. */
    static <E extends Enum<E>> E parse(Class<E> type, String id, String what) {
        E[] all = type.getEnumConstants();
        return Arrays.stream(all).filter(e -> id(e).equals(id)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("unknown " + what + " '" + id + "'; choose one of "
                        + String.join(", ", Arrays.stream(all).map(EnumIds::id).toList())));
    }
}
