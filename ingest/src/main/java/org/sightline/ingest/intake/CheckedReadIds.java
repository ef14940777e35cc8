package org.sightline.ingest.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.sightline.ingest.read.domain.CheckedRead;

/** The read ids of the good reads in a batch of deliveries. */
public final class CheckedReadIds {

    private CheckedReadIds() {
    }

    public static List<UUID> of(List<Delivery> batch) {
        List<UUID> ids = new ArrayList<>();
        for (Delivery d : batch) {
            for (CheckedRead r : d.reads()) {
                if (r instanceof CheckedRead.Good g) {
                    ids.add(g.read().readId());
                }
            }
        }
        return ids;
    }
}
