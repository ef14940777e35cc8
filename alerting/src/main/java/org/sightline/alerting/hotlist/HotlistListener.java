package org.sightline.alerting.hotlist;

import java.util.List;
import org.sightline.alerting.hotlist.domain.HotlistEntry;

/** Told after new entries are committed (the retro-match listens). */
public interface HotlistListener {

    /** Called after the entries are stored; must not throw. */
    void entriesAdded(List<HotlistEntry> entries);
}
