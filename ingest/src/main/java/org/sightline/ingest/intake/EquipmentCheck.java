package org.sightline.ingest.intake;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sightline.ingest.read.adapter.db.EquipmentRegistry;
import org.sightline.ingest.read.domain.CheckedRead;

/** Turns good reads from units or cameras the estate does not know into dead letters. */
public final class EquipmentCheck {

    private EquipmentCheck() {
    }

    /**
     * The delivery with every good read checked against the estate.
     *
     * @throws SQLException when the estate must be reloaded and the database cannot be reached
     */
    public static Delivery apply(Delivery d, EquipmentRegistry equipment) throws SQLException {
        List<CheckedRead> reads = d.reads();
        List<CheckedRead> checked = null;
        for (int i = 0; i < reads.size(); i++) {
            if (reads.get(i) instanceof CheckedRead.Good g) {
                Optional<String> problem = equipment.problem(g.read().unitId(), g.read().cameraId());
                if (problem.isPresent()) {
                    if (checked == null) {
                        checked = new ArrayList<>(reads);
                    }
                    // the whole message is kept: replaying it stores nothing twice
                    checked.set(i, new CheckedRead.Bad(reads.size() == 1 ? problem.get()
                            : "batch element " + i + ": " + problem.get(), d.payload()));
                }
            }
        }
        return checked == null ? d : d.withReads(checked);
    }
}
