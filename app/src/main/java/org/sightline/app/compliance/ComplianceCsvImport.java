package org.sightline.app.compliance;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sightline.app.compliance.domain.CameraCompliance;
import org.sightline.geo.io.CsvRecordReader;

/**
 * Loads camera compliance records from CSV with the header
 * {@code camera_id,purpose,signage,dpia_reference,reviewed_on} (the last three may be left out).
 * Each row is judged on its own: a bad row is reported with its line and reason, and every good
 * row is stored (and audited) all the same.
 */
@Singleton
public class ComplianceCsvImport {

    /** The columns, in any order; {@code camera_id} and {@code purpose} are required. */
    public static final List<String> COLUMNS = List.of("camera_id", "purpose", "signage", "dpia_reference", "reviewed_on");

    /** A refused row. */
    public record Reject(long line, String reason) { }

    /** What an import did. */
    public record Outcome(int saved, List<Reject> rejects) { }

    private final CameraComplianceService service;

    public ComplianceCsvImport(CameraComplianceService service) {
        this.service = service;
    }

    /**
     * Reads every row and stores the good ones as {@code user} (with access to covert cameras:
     * imports are run by the service's administrators on the server).
     *
     * @throws IllegalArgumentException when the header lacks a required column or names an unknown one
     * @throws IOException when the input cannot be read
     */
    public Outcome load(Reader in, String user) throws IOException {
        CsvRecordReader csv = new CsvRecordReader(in);
        List<String> header = csv.next();
        if (header == null) {
            throw new IllegalArgumentException("the file is empty: expected the header " + String.join(",", COLUMNS));
        }
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                throw new IllegalArgumentException("unknown column '" + header.get(i) + "': the columns are " + String.join(",", COLUMNS));
            }
            at.put(name, i);
        }
        if (!at.containsKey("camera_id") || !at.containsKey("purpose")) {
            throw new IllegalArgumentException("the header must name camera_id and purpose (columns: " + String.join(",", COLUMNS) + ")");
        }
        int saved = 0;
        List<Reject> rejects = new ArrayList<>();
        List<String> row;
        while ((row = csv.next()) != null) {
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            try {
                String camera = field(row, at, "camera_id").strip();
                if (camera.isEmpty()) {
                    throw new IllegalArgumentException("camera_id is empty");
                }
                String reviewed = field(row, at, "reviewed_on").strip();
                Optional<LocalDate> reviewedOn;
                try {
                    reviewedOn = reviewed.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(reviewed));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("reviewed_on must be a date as YYYY-MM-DD, was '" + reviewed + "'");
                }
                CameraCompliance record = new CameraCompliance(field(row, at, "purpose"), field(row, at, "signage"),
                        field(row, at, "dpia_reference"), reviewedOn);
                if (service.save(camera, record, user, true).isEmpty()) {
                    throw new IllegalArgumentException("no camera '" + camera + "' in the estate");
                }
                saved++;
            } catch (IllegalArgumentException e) {
                rejects.add(new Reject(csv.recordLine(), e.getMessage()));
            }
        }
        return new Outcome(saved, List.copyOf(rejects));
    }

    private static String field(List<String> row, Map<String, Integer> at, String column) {
        Integer i = at.get(column);
        return i == null || i >= row.size() ? "" : row.get(i);
    }
}
