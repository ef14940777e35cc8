package org.sightline.alerting.alert.domain;

import java.util.Optional;
import org.sightline.alerting.hotlist.domain.AlertScope;
import org.sightline.alerting.hotlist.domain.Hotlist;

/** Whether a hit on a list becomes an alert at a camera (the arterial rule). */
public final class AlertRule {

    private AlertRule() {
    }

    /**
     * @param list the list hit
     * @param site the camera's site, empty when the camera is unknown
     * @return true when the hit alerts: anywhere-lists always, arterial-only lists on arterial cameras
     */
    public static boolean alerts(Hotlist list, Optional<CameraSite> site) {
        return list.scope() == AlertScope.ANYWHERE || site.map(CameraSite::arterial).orElse(false);
    }
}
