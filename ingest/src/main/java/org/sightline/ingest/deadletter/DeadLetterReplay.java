package org.sightline.ingest.deadletter;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.sightline.ingest.IngestProperties;
import org.sightline.ingest.deadletter.adapter.db.DeadLetterStore;
import org.sightline.ingest.deadletter.adapter.mqtt.ReplayedReads;
import org.sightline.ingest.intake.Delivery;
import org.sightline.ingest.intake.EquipmentCheck;
import org.sightline.ingest.intake.ReadSources;
import org.sightline.ingest.peer.PeerSettings;
import org.sightline.ingest.read.adapter.db.EquipmentRegistry;
import org.sightline.ingest.read.adapter.db.ReadBatchStore;
import org.sightline.ingest.read.domain.CheckedRead;
import org.sightline.ingest.read.domain.PlateRead;
import org.sightline.platform.mqtt.MqttClients;

/**
 * Lists dead letters and replays one through the same checks as the live intake (after the cause
 * is fixed: a unit registered, a clock corrected). Replaying stores nothing twice: reads already
 * stored are skipped by their read id. The reads a replay accepts are then re-published for
 * alerting ({@link ReplayedReads}); when the broker cannot take them the dead letter stays
 * pending, with the outcome saying so, for the administrator to replay again.
 */
@Singleton
public class DeadLetterReplay {

    /** What a replay did. */
    public record Outcome(long id, int stored, int alreadyStored, int stillRefused, int republished, String summary) {
    }

    private final DataSource dataSource;
    private final DeadLetterStore store;
    private final ReadSources sources;
    private final EquipmentRegistry equipment;
    private final ReplayedReads republisher;

    public DeadLetterReplay(IngestProperties config, PeerSettings peers, DataSource dataSource, MqttClients clients) {
        this.republisher = new ReplayedReads(clients, config.topicRoot(), config.instanceId());
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.store = new DeadLetterStore(this.dataSource);
        this.sources = new ReadSources(config, peers.peers());
        this.equipment = new EquipmentRegistry(this.dataSource, Duration.ZERO);
    }

    /** Dead letters, newest first (see {@link DeadLetterStore#list}). */
    public List<DeadLetterStore.Row> list(long beforeId, int limit, boolean pendingOnly) throws SQLException {
        return store.list(beforeId, limit, pendingOnly);
    }

    /**
     * Replays one dead letter.
     *
     * @return what happened, or empty when there is no dead letter with this id
     */
    public Optional<Outcome> replay(long id) throws SQLException, IOException {
        Optional<DeadLetterStore.Row> found = store.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DeadLetterStore.Row row = found.get();
        Instant now = Instant.now();
        if (row.payloadTruncated()) {
            String refusal = "not replayable: only the first " + row.payload().length + " of " + row.payloadBytes()
                    + " bytes were kept";
            store.markReplayed(id, now, refusal);
            return Optional.of(new Outcome(id, 0, 0, 1, 0, refusal));
        }
        List<CheckedRead> reads = sources.decode(row.topic(), row.payload(), now).reads();
        Delivery checked = EquipmentCheck.apply(new Delivery(row.topic(), row.payload(), now, System.nanoTime(), reads, x -> { }),
                equipment);
        List<CheckedRead> good = checked.reads().stream().filter(r -> r instanceof CheckedRead.Good).toList();
        List<CheckedRead.Bad> bad = checked.reads().stream()
                .filter(r -> r instanceof CheckedRead.Bad).map(r -> (CheckedRead.Bad) r).toList();
        int stored = 0;
        int duplicates = 0;
        if (!good.isEmpty()) {
            try (Connection c = dataSource.getConnection()) {
                ReadBatchStore.Outcome o = new ReadBatchStore(c).write(List.of(checked.withReads(good)));
                stored = o.stored();
                duplicates = o.duplicates();
            }
        }
        StringBuilder summary = new StringBuilder();
        if (!good.isEmpty()) {
            summary.append("stored ").append(stored).append(stored == 1 ? " read" : " reads");
            if (duplicates > 0) {
                summary.append(", ").append(duplicates).append(" already stored");
            }
        }
        if (!bad.isEmpty()) {
            summary.append(summary.length() > 0 ? "; " : "").append(bad.size()).append(" still refused: ")
                    .append(bad.get(0).reason());
        }
        String text = summary.length() == 0 ? "the message holds no read" : summary.toString();
        // alerting has seen none of these reads (they were refused) or records each once: all of
        // them go out, which also makes a replay after a failed re-publication complete
        List<PlateRead> accepted = good.stream().map(r -> ((CheckedRead.Good) r).read()).toList();
        int republished;
        try {
            republished = republisher.publish(accepted);
        } catch (MqttException | RuntimeException e) {
            String notSent = text + "; not re-published for alerting (the MQTT broker: " + e.getMessage()
                    + "): replay again once the broker is reachable";
            store.noteOutcome(id, notSent);
            return Optional.of(new Outcome(id, stored, duplicates, bad.size(), 0, notSent));
        }
        store.markReplayed(id, now, text);
        return Optional.of(new Outcome(id, stored, duplicates, bad.size(), republished, text));
    }
}
