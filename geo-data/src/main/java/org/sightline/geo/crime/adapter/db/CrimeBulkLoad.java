package org.sightline.geo.crime.adapter.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.sightline.geo.crime.domain.CrimeRecord;
import org.sightline.geo.crs.Wgs84;
import org.sightline.geo.db.StagedCopy;
import org.sightline.geo.db.StoreException;

/**
 * One bulk load of crime records (see {@link CrimeStore#begin(String)}). Each row's key is a hash
 * of its content plus how many identical rows came before it in this load, so two identical
 * anti-social behaviour reports stay two rows while a second import of the same file adds none.
 * Not thread-safe; close it (after {@link #finish()} or on failure).
 */
public final class CrimeBulkLoad implements Consumer<CrimeRecord>, AutoCloseable {

    private final StagedCopy copy;
    private final String source;
    private final MessageDigest sha256;
    private final Map<UUID, Integer> occurrences = new HashMap<>();

    CrimeBulkLoad(StagedCopy copy, String source) {
        this.copy = copy;
        this.source = source;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    @Override
    public void accept(CrimeRecord r) {
        try {
            copy.text(rowKey(r).toString())
                    .text(r.crimeId())
                    .text(r.month().atDay(1).toString())
                    .text(r.reportedBy())
                    .text(r.crimeType())
                    .text(r.location())
                    .text(r.lsoaCode())
                    .text(r.lsoaName())
                    .text(r.outcome())
                    .text(source)
                    .geometry(Wgs84.point(r.position()));
            copy.endRow();
        } catch (IOException e) {
            throw new StoreException("cannot stream crime rows to the database", e);
        }
    }

    /**
     * Moves the staged rows into {@code geo_crime} and commits; returns the rows newly stored plus
     * stored rows whose outcome changed (police.uk revises outcomes when it republishes a month).
     */
    public long finish() {
        try {
            return copy.finish(connection -> new CrimeMove(copy.stage(), copy.rowsStaged()).apply(connection));
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot store crimes", e);
        }
    }

    /** Rows handed to this load so far. */
    public long rowsStaged() {
        return copy.rowsStaged();
    }

    @Override
    public void close() {
        copy.close();
    }

    private UUID rowKey(CrimeRecord r) {
        // the outcome is left out: a republished month with a revised outcome updates the row
        String content = r.month() + "|" + r.crimeId() + "|" + r.reportedBy() + "|" + r.crimeType() + "|"
                + r.position().lonDegrees() + "|" + r.position().latDegrees() + "|" + r.location() + "|"
                + r.lsoaCode() + "|" + r.lsoaName();
        UUID base = digest(content);
        int seen = occurrences.merge(base, 1, Integer::sum) - 1;
        return seen == 0 ? base : digest(content + "#" + seen);
    }

    private UUID digest(String text) {
        byte[] h = sha256.digest(text.getBytes(StandardCharsets.UTF_8));
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (h[i] & 0xff);
            lo = (lo << 8) | (h[i + 8] & 0xff);
        }
        return new UUID(hi, lo);
    }
}
