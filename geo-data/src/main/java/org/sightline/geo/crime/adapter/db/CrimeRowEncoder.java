package org.sightline.geo.crime.adapter.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.sightline.geo.crime.domain.CrimeRecord;
import org.sightline.geo.crs.Wgs84;
import org.sightline.geo.db.BinaryCopyRows;

/**
 * Keys and encodes the crime records of one file as binary {@code COPY} rows in the order of
 * {@link CrimeStore#COLUMNS}. A row's key is a hash of its content plus how many identical rows
 * came before it in the same file, so two identical anti-social behaviour reports stay two rows
 * while a second import of the same file gives the same keys. Not thread-safe: one per file.
 */
final class CrimeRowEncoder {

    private final byte[] source;
    private final MessageDigest sha256;
    /** A monthly Merseyside file holds about 14,000 rows; sized so that it rarely grows. */
    private final Map<UUID, Integer> occurrences = new HashMap<>(1 << 15);
    /** The key text of the current row, as UTF-8. */
    private byte[] text = new byte[256];
    private int length;
    /** Text of recent coordinates: police.uk map points repeat, and Double.toString is costly. */
    private final long[] coordinateBits = new long[4096];
    private final String[] coordinateText = new String[4096];

    CrimeRowEncoder(String source) {
        this.source = source.getBytes(StandardCharsets.UTF_8);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** Appends {@code r} as one row to {@code out}. */
    void encode(CrimeRecord r, BinaryCopyRows out) {
        out.startRow(CrimeStore.COLUMNS.size())
                .uuid(rowKey(r))
                .text(r.crimeId())
                .date(r.month().atDay(1))
                .text(r.reportedBy())
                .text(r.crimeType())
                .text(r.location())
                .text(r.lsoaCode())
                .text(r.lsoaName())
                .text(r.outcome())
                .utf8(source)
                .point(r.position().lonDegrees(), r.position().latDegrees(), Wgs84.SRID);
    }

    /**
     * The key of {@code r}: the first 128 bits of the SHA-256 of the UTF-8 text
     * {@code month|crimeId|reportedBy|crimeType|lon|lat|location|lsoaCode|lsoaName} (coordinates
     * as {@link Double#toString(double)}), with {@code #n} appended for the n-th repeat of the same
     * text in the file. The outcome is left out, so that a republished month with a revised
     * outcome updates the stored row. Keys stored by earlier versions were derived the same way.
     */
    UUID rowKey(CrimeRecord r) {
        length = 0;
        put(r.month().toString()).put('|').put(r.crimeId()).put('|').put(r.reportedBy()).put('|')
                .put(r.crimeType()).put('|').put(text(r.position().lonDegrees())).put('|')
                .put(text(r.position().latDegrees())).put('|').put(r.location()).put('|')
                .put(r.lsoaCode()).put('|').put(r.lsoaName());
        UUID base = digest();
        int seen = occurrences.merge(base, 1, Integer::sum) - 1;
        return seen == 0 ? base : put('#').put(Integer.toString(seen)).digest();
    }

    /** {@link Double#toString(double)}, as the key has always used, remembered for recent values. */
    private String text(double value) {
        long bits = Double.doubleToRawLongBits(value);
        int slot = (int) (bits ^ (bits >>> 29)) & (coordinateBits.length - 1);
        String cached = coordinateText[slot];
        if (cached != null && coordinateBits[slot] == bits) {
            return cached;
        }
        String text = Double.toString(value);
        coordinateBits[slot] = bits;
        coordinateText[slot] = text;
        return text;
    }

    /** Appends the UTF-8 bytes of {@code s} to the key text; ASCII (nearly all) byte by byte. */
    private CrimeRowEncoder put(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                byte[] rest = s.substring(i).getBytes(StandardCharsets.UTF_8);
                ensure(rest.length);
                System.arraycopy(rest, 0, text, length, rest.length);
                length += rest.length;
                return this;
            }
            text[length++] = (byte) c;
        }
        return this;
    }

    private CrimeRowEncoder put(char asciiSeparator) {
        ensure(1);
        text[length++] = (byte) asciiSeparator;
        return this;
    }

    private void ensure(int more) {
        if (length + more > text.length) {
            text = java.util.Arrays.copyOf(text, Math.max(2 * text.length, length + more));
        }
    }

    private UUID digest() {
        sha256.update(text, 0, length);
        byte[] h = sha256.digest();
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (h[i] & 0xff);
            lo = (lo << 8) | (h[i + 8] & 0xff);
        }
        return new UUID(hi, lo);
    }
}
