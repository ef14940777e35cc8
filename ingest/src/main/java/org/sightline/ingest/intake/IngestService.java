package org.sightline.ingest.intake;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.sightline.ingest.IngestProperties;
import org.sightline.ingest.peer.PeerSettings;
import org.sightline.ingest.peer.domain.Peers;
import org.sightline.ingest.read.adapter.db.EquipmentRegistry;
import org.sightline.ingest.read.adapter.db.ReadBatchStore;
import org.sightline.ingest.read.adapter.mqtt.ReadIntake;
import org.sightline.ingest.unitstatus.adapter.db.UnitStatusStore;
import org.sightline.ingest.unitstatus.adapter.mqtt.UnitStatusIntake;
import org.sightline.platform.mqtt.MqttClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the intake with the service: starts it when the HTTP server has started (command-line
 * tools that only open the database do not take in messages), creates the coming days'
 * partitions of {@code plate_read} every hour, and stops the intake with the service.
 * {@code sightline.ingest.enabled=false} turns it off.
 */
@Singleton
@Requires(property = "sightline.ingest.enabled", notEquals = "false")
public class IngestService implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final IngestProperties config;
    private final MqttClients clients;
    private final DataSource dataSource;
    private final EquipmentRegistry equipment;
    private final Peers peers;
    private ScheduledExecutorService maintenance;
    private final List<ReadIntake> intakes = new CopyOnWriteArrayList<>();
    private volatile UnitStatusIntake unitStatus;
    private final List<Consumer<UnitStatusStore.Change>> statusListeners = new CopyOnWriteArrayList<>();

    public IngestService(IngestProperties config, PeerSettings peers, MqttClients clients, DataSource dataSource) {
        this.config = config;
        this.peers = peers.peers();
        this.clients = clients;
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.equipment = new EquipmentRegistry(this.dataSource, Duration.ofSeconds(2));
    }

    @Override
    public synchronized void onApplicationEvent(ServerStartupEvent event) {
        if (!intakes.isEmpty()) {
            return;
        }
        maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ingest-partitions");
            t.setDaemon(true);
            return t;
        });
        maintenance.scheduleWithFixedDelay(this::createPartitions, 0, 1, TimeUnit.HOURS);
        unitStatus = new UnitStatusIntake(clients, config, peers, dataSource, equipment);
        unitStatus.addListener(change -> statusListeners.forEach(l -> l.accept(change)));
        unitStatus.start();
        // one totals object for all connections: they are one intake to the people reading its figures
        IntakeStats stats = new IntakeStats();
        for (int k = 0; k < config.connections(); k++) {
            ReadIntake intake = new ReadIntake(clients, config.withInstanceId(config.connectionInstanceId(k)), peers, dataSource,
                    equipment, stats);
            // the OpenALPR agent's heartbeats arrive on its results topic, through any connection
            intake.handPeerHeartbeatsTo(unitStatus::offerPeerHeartbeat);
            intakes.add(intake);
            intake.start();
        }
    }

    /** Registers a listener told about every unit or camera status change this instance records. */
    public void addStatusListener(Consumer<UnitStatusStore.Change> listener) {
        statusListeners.add(listener);
    }

    /** Removes a listener. */
    public void removeStatusListener(Consumer<UnitStatusStore.Change> listener) {
        statusListeners.remove(listener);
    }

    /** The running intake's connections (one per {@code sightline.ingest.connections}), empty until the server has started. */
    public List<ReadIntake> intakes() {
        return List.copyOf(intakes);
    }

    /** The estate cache the intake checks units and cameras against. */
    public EquipmentRegistry equipment() {
        return equipment;
    }

    private void createPartitions() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection()) {
            ReadBatchStore store = new ReadBatchStore(c);
            for (int d = -1; d <= config.partitionsAhead(); d++) {
                store.createPartition(today.plusDays(d));
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not create the coming days' plate_read partitions (the intake creates them on demand): {}", e.toString());
        }
    }

    @PreDestroy
    public synchronized void stop() {
        if (maintenance != null) {
            maintenance.shutdownNow();
        }
        if (unitStatus != null) {
            unitStatus.close();
        }
        intakes.forEach(ReadIntake::close);
    }
}
