package org.sightline.ingest.read.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sightline.geo.crs.Bearing;

/**
 * Sightline's rules for a reported read, the same for every source: the plate normalised (a
 * foreign plate is a plate), confidence 0 to 1, the capture time neither too far ahead of the
 * service's clock nor too old (late reads are kept and flagged), heading 0 to 360, at most
 * {@link PlateRead#MAX_ALTERNATIVES} alternatives, each a plate with a confidence (alternatives
 * that repeat the read's plate or one another are dropped).
 *
 * @param timing the rules for capture times
 */
public record ReadRules(ReadTiming timing) {

    public ReadRules {
        Objects.requireNonNull(timing, "timing");
    }

    /**
     * Checks one reported read.
     *
     * @param r the read as reported
     * @param raw the bytes it came in, kept with a refusal
     * @param receivedAt when the service received it
     * @return the read to store, or the reason it is refused
     */
    public CheckedRead check(ReportedRead r, byte[] raw, Instant receivedAt) {
        Checked<Plate> plate = Plate.parse(r.plate());
        if (plate instanceof Checked.Rejected<Plate> rejected) {
            return new CheckedRead.Bad(rejected.reason(), raw);
        }
        if (!Double.isFinite(r.confidence()) || r.confidence() < 0 || r.confidence() > 1) {
            return new CheckedRead.Bad("confidence must be between 0 and 1, was " + r.confidence(), raw);
        }
        Checked<Boolean> late = timing.check(r.capturedAt(), receivedAt);
        if (late instanceof Checked.Rejected<Boolean> rejected) {
            return new CheckedRead.Bad(rejected.reason(), raw);
        }
        Optional<Bearing> heading = Optional.empty();
        if (r.headingDegrees().isPresent()) {
            double h = r.headingDegrees().getAsDouble();
            if (!Double.isFinite(h) || h < 0 || h > 360) {
                return new CheckedRead.Bad("heading must be between 0 and 360 degrees, was " + h, raw);
            }
            heading = Optional.of(Bearing.normalised(h));
        }
        Plate read = ((Checked.Ok<Plate>) plate).value();
        Checked<List<Alternative>> alternatives = alternatives(read, r.alternatives());
        if (alternatives instanceof Checked.Rejected<List<Alternative>> rejected) {
            return new CheckedRead.Bad(rejected.reason(), raw);
        }
        try {
            PlateRead p = new PlateRead(r.readId(), r.unitId(), r.cameraId(), read, r.plate(), r.confidence(), r.capturedAt(),
                    r.position(), heading, r.lane(), r.vehicle(), r.imageRef(),
                    ((Checked.Ok<List<Alternative>>) alternatives).value());
            return new CheckedRead.Good(p, ((Checked.Ok<Boolean>) late).value());
        } catch (IllegalArgumentException e) {
            return new CheckedRead.Bad(e.getMessage(), raw);
        }
    }

    private static Checked<List<Alternative>> alternatives(Plate read, List<ReportedRead.ReportedAlternative> reported) {
        if (reported.size() > PlateRead.MAX_ALTERNATIVES) {
            return Checked.rejected("at most " + PlateRead.MAX_ALTERNATIVES + " alternatives, was " + reported.size());
        }
        if (reported.isEmpty()) {
            return Checked.ok(List.of());
        }
        List<Alternative> out = new ArrayList<>(reported.size());
        Set<String> seen = new HashSet<>();
        seen.add(read.value());
        for (int i = 0; i < reported.size(); i++) {
            ReportedRead.ReportedAlternative a = reported.get(i);
            Checked<Plate> p = Plate.parse(a.plate());
            if (p instanceof Checked.Rejected<Plate> rejected) {
                return Checked.rejected("alternatives[" + i + "]: " + rejected.reason());
            }
            if (!Double.isFinite(a.confidence()) || a.confidence() < 0 || a.confidence() > 1) {
                return Checked.rejected("alternatives[" + i + "]: confidence must be between 0 and 1, was " + a.confidence());
            }
            Plate plate = ((Checked.Ok<Plate>) p).value();
            if (seen.add(plate.value())) {
                out.add(new Alternative(plate, a.confidence()));
            }
        }
        return Checked.ok(out);
    }
}
