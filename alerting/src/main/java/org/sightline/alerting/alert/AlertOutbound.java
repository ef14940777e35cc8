package org.sightline.alerting.alert;

import org.sightline.alerting.alert.domain.AlertView;

/** Sends new alerts to other control-room systems (MQTT). Must not throw. */
public interface AlertOutbound {

    /** Called after an alert is created or escalated (covert alerts are never passed here). */
    void send(AlertView alert, String kind);
}
