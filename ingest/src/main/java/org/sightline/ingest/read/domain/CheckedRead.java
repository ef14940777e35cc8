package org.sightline.ingest.read.domain;

import java.util.Objects;

/**
 * One read of a message after decoding and checking: either a read to store (with its lateness)
 * or the reason it goes to the dead-letter table, with the bytes of the offending part.
 */
public sealed interface CheckedRead {

    /** A read to store. */
    record Good(PlateRead read, boolean late) implements CheckedRead {
        public Good {
            Objects.requireNonNull(read, "read");
        }
    }

    /** A refused read or message: {@code raw} is the part refused (the whole payload for a single read). */
    record Bad(String reason, byte[] raw) implements CheckedRead {
        public Bad {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(raw, "raw");
        }
    }
}
