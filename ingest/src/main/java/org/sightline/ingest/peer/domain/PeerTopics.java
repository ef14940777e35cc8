package org.sightline.ingest.peer.domain;

import java.time.Duration;

/**
 * MQTT topic rules for peer sources: names without wildcards, filters with them, and matching;
 * and the range of a peer's heartbeat interval.
 */
public final class PeerTopics {

    /** Shortest heartbeat interval a peer may be configured with. */
    public static final Duration MIN_HEARTBEAT_INTERVAL = Duration.ofSeconds(1);
    /** Longest heartbeat interval a peer may be configured with. */
    public static final Duration MAX_HEARTBEAT_INTERVAL = Duration.ofHours(1);

    private PeerTopics() {
    }

    /**
     * Checks a topic name: 1-200 characters, no wildcard, no empty level, not a {@code $} topic.
     *
     * @throws IllegalArgumentException naming {@code what}
     */
    public static String requireTopicName(String what, String topic) {
        if (topic == null || topic.isEmpty() || topic.length() > 200 || topic.contains("+") || topic.contains("#")
                || topic.startsWith("$") || topic.startsWith("/") || topic.endsWith("/") || topic.contains("//")
                || topic.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must be MQTT topic levels separated by '/', without wildcards, "
                    + "empty levels or a leading '$', was '" + topic + "'");
        }
        return topic;
    }

    /**
     * Checks a topic filter: levels separated by '/', '+' only as a whole level, '#' only as the
     * whole last level, not a {@code $} topic.
     *
     * @throws IllegalArgumentException naming {@code what}
     */
    public static String requireTopicFilter(String what, String filter) {
        boolean ok = filter != null && !filter.isEmpty() && filter.length() <= 200 && !filter.startsWith("$")
                && filter.chars().noneMatch(Character::isISOControl);
        if (ok) {
            String[] levels = filter.split("/", -1);
            for (int i = 0; i < levels.length && ok; i++) {
                String l = levels[i];
                ok = (!l.contains("+") || l.equals("+")) && (!l.contains("#") || (l.equals("#") && i == levels.length - 1));
            }
        }
        if (!ok) {
            throw new IllegalArgumentException(what + " must be an MQTT topic filter ('+' a whole level, '#' the whole last "
                    + "level, no leading '$'), was '" + filter + "'");
        }
        return filter;
    }

    /** True when a topic name matches a topic filter. */
    public static boolean matches(String filter, String topic) {
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length || (!f[i].equals("+") && !f[i].equals(t[i]))) {
                return false;
            }
        }
        return f.length == t.length;
    }

    /**
     * Checks a peer's heartbeat interval: 1 s to 1 h.
     *
     * @throws IllegalArgumentException when out of range or null
     */
    public static Duration requireHeartbeatInterval(Duration interval) {
        if (interval == null || interval.compareTo(MIN_HEARTBEAT_INTERVAL) < 0 || interval.compareTo(MAX_HEARTBEAT_INTERVAL) > 0) {
            throw new IllegalArgumentException("heartbeat interval must be between 1 s and 1 h, was " + interval);
        }
        return interval;
    }
}
