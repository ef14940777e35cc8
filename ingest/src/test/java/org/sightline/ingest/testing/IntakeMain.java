package org.sightline.ingest.testing;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.postgresql.ds.PGSimpleDataSource;
import org.sightline.ingest.IngestProperties;
import org.sightline.ingest.read.adapter.db.EquipmentRegistry;
import org.sightline.ingest.read.adapter.mqtt.ReadIntake;

/**
 * An intake in a process of its own, for the test that kills it with SIGKILL.
 * Arguments: broker URL, JDBC URL, database user, topic root, share group, instance id.
 */
public final class IntakeMain {

    private IntakeMain() {
    }

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(args[1]);
        ds.setUser(args[2]);
        IngestProperties p = new IngestProperties(true, args[5], args[3], args[4], true, 200, Duration.ofMillis(10), 100, 200,
                Duration.ofMinutes(10), 65_536, Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofDays(90), 2,
                Duration.ofSeconds(30), 1);
        ReadIntake intake = new ReadIntake(IntakeFixture.clients(args[0]), p, ds, new EquipmentRegistry(ds, Duration.ZERO));
        intake.start();
        while (!intake.isConnected()) {
            Thread.onSpinWait();
        }
        System.out.println("READY");
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
