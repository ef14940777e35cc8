package org.sightline.ingest.peer.adapter.mqtt;

import org.sightline.ingest.read.domain.CheckedRead;

/** Reasons of refused peer reads say which peer (and which part of its message) they came from. */
final class PeerReasons {

    private PeerReasons() {
    }

    /** The read unchanged if good; if refused, its reason after {@code prefix}. */
    static CheckedRead prefixed(String prefix, CheckedRead read) {
        return read instanceof CheckedRead.Bad bad ? new CheckedRead.Bad(prefix + bad.reason(), bad.raw()) : read;
    }
}
