package org.sightline.ingest.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Sample payloads in the formats Frigate and OpenALPR's agent publish (test resources under
 * {@code peers/}), with {@code @NAME@} placeholders filled in by the test.
 */
public final class PeerPayloads {

    private PeerPayloads() {
    }

    /** The sample with every {@code @KEY@} replaced by its value; fails on a placeholder left over. */
    public static String load(String name, Map<String, String> values) {
        String text;
        try (InputStream in = PeerPayloads.class.getResourceAsStream("/peers/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample payload peers/" + name);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            text = text.replace("@" + e.getKey() + "@", e.getValue());
        }
        if (text.matches("(?s).*@[A-Z0-9_]+@.*")) {
            throw new IllegalArgumentException("peers/" + name + " still has a placeholder: " + text);
        }
        return text;
    }
}
