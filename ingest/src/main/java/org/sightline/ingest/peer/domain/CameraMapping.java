package org.sightline.ingest.peer.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sightline.geo.camera.domain.CameraId;

/**
 * How a peer system's own camera names map to Sightline cameras, written in configuration as
 * {@code "<peer camera>=<Sightline camera id>"} lines (a name may hold any character but '=';
 * the Sightline id follows the usual identifier rules).
 *
 * @param cameras peer camera name to Sightline camera
 */
public record CameraMapping(Map<String, CameraId> cameras) {

    public CameraMapping {
        cameras = Map.copyOf(cameras);
        if (cameras.isEmpty()) {
            throw new IllegalArgumentException("at least one camera must be mapped");
        }
    }

    /**
     * Parses mapping lines.
     *
     * @param key the configuration key, named in the message of a bad line
     * @throws IllegalArgumentException starting with {@code key} when a line is malformed, a name
     *                                  is mapped twice or the list is empty
     */
    public static CameraMapping parse(String key, List<String> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException(key + " is missing: list the cameras as \"<peer camera>=<Sightline camera id>\"");
        }
        Map<String, CameraId> out = new LinkedHashMap<>();
        for (String line : lines) {
            int eq = line == null ? -1 : line.indexOf('=');
            if (eq <= 0 || eq == line.length() - 1) {
                throw new IllegalArgumentException(key + " = '" + line + "': must be \"<peer camera>=<Sightline camera id>\"");
            }
            String peer = line.substring(0, eq).strip();
            CameraId camera;
            try {
                camera = new CameraId(line.substring(eq + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + " = '" + line + "': " + e.getMessage());
            }
            if (peer.isEmpty() || out.put(peer, camera) != null) {
                throw new IllegalArgumentException(key + " = '" + line + "': the peer camera '" + peer
                        + "' is empty or mapped twice");
            }
        }
        return new CameraMapping(out);
    }

    /** The Sightline camera of a peer camera name, if mapped. */
    public Optional<CameraId> find(String peerCamera) {
        return Optional.ofNullable(cameras.get(peerCamera));
    }
}
