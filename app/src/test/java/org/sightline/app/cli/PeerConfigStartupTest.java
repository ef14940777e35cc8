package org.sightline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad Frigate or OpenALPR setting ({@code sightline.ingest.frigate|openalpr.*}) stops the service with one line naming the key. */
class PeerConfigStartupTest {

    @TempDir
    Path dir;

    private String serveWith(String ingestYaml) throws IOException {
        ServeRun.Outcome o = ServeRun.serveWith(dir, ServeRun.database() + "sightline:\n  ingest:\n" + ingestYaml);
        assertThat(o.exitCode()).isEqualTo(2);
        return o.stderr();
    }

    @Test
    void aFrigateCameraLineWithoutASightlineCameraNamesTheKey() throws IOException {
        assertThat(serveWith("    frigate:\n      depot:\n        unit-id: KN-U07\n        cameras: [\"driveway\"]\n"))
                .doesNotContain("\n")
                .isEqualTo("Configuration error: sightline.ingest.frigate.depot.cameras = 'driveway': "
                        + "must be \"<peer camera>=<Sightline camera id>\"");
    }

    @Test
    void anOpenAlprSiteWithAnUnknownMessageKindNamesTheKeyAndTheChoices() throws IOException {
        assertThat(serveWith("    openalpr:\n      huyton:\n        site-id: huyton-depot\n        unit-id: KN-U03\n"
                + "        cameras: [\"1=KN-003-A\"]\n        takes: plates\n"))
                .doesNotContain("\n")
                .isEqualTo("Configuration error: sightline.ingest.openalpr.huyton.takes = 'plates': must be alpr_results or alpr_group");
    }
}
