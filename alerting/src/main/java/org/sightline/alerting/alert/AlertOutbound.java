package org.sightline.alerting.alert;

import java.util.concurrent.CompletableFuture;
import org.sightline.alerting.alert.domain.AlertView;

/**
 * Tells other control-room systems of an alert event (MQTT). Called by {@link AlertOutbox} only,
 * in event order, from one thread; covert alerts are never passed here.
 */
public interface AlertOutbound {

    /**
     * Starts sending one event of an alert; never throws.
     *
     * @param eventId the event's id in the event log (receivers drop repeats by it: delivery is at
     *                least once)
     * @param kind    {@code created}, {@code historic} or {@code escalated}
     * @return completes when the receiving side has taken the event over (MQTT: the broker's
     *         PUBACK), exceptionally when it could not be sent
     */
    CompletableFuture<Void> send(AlertView alert, long eventId, String kind);
}
