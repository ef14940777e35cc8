package org.sightline.alerting.match.domain;

import java.util.List;
import java.util.Objects;

/**
 * What the matcher is asked about one read: the unit's best reading and, when the unit sends them,
 * its alternative readings (at most {@link #MAX_ALTERNATIVES}).
 *
 * @param primary the reading the unit reported as the plate
 * @param alternatives other readings the unit considered, best first (may be empty)
 */
public record ReadCandidates(PlateReading primary, List<PlateReading> alternatives) {

    /** Alternatives beyond this many are ignored by the decoder; the matcher refuses them. */
    public static final int MAX_ALTERNATIVES = 8;

    public ReadCandidates {
        Objects.requireNonNull(primary, "primary");
        alternatives = List.copyOf(alternatives);
        if (alternatives.size() > MAX_ALTERNATIVES) {
            throw new IllegalArgumentException("at most " + MAX_ALTERNATIVES + " alternative readings, was "
                    + alternatives.size());
        }
    }

    /** A read with one reading and no alternatives. */
    public static ReadCandidates of(String plate) {
        return new ReadCandidates(new PlateReading(plate, 1.0), List.of());
    }
}
