package org.sightline.alerting.hotlist.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One watch list and its settings.
 *
 * @param code short stable identifier used in files and URLs, e.g. {@code stolen} (lower-case
 *             letters, digits and dashes, 1-40)
 * @param name the name operators see, e.g. "Stolen vehicles"
 * @param kind what the list is for
 * @param scope where its entries raise alerts
 * @param covert true when the whole list, its entries and its alerts are visible only to users
 *               cleared for covert lists
 */
public record Hotlist(String code, String name, HotlistKind kind, AlertScope scope, boolean covert) {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public Hotlist {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a hotlist code must be 1-40 lower-case letters, digits or dashes, was '"
                    + code + "'");
        }
        name = HotlistText.require("name", name, 120);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scope, "scope");
    }

    /** True when the code has the allowed shape. */
    public static boolean isCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }
}
