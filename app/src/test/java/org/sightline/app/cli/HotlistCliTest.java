package org.sightline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.alerting.hotlist.LiveHotlists;
import org.sightline.alerting.hotlist.adapter.db.HotlistChanges;
import org.sightline.alerting.match.domain.ReadCandidates;
import org.sightline.app.SightlineTestProperties;
import org.sightline.platform.mqtt.MqttClients;
import org.sightline.testing.StoredReads;
import org.sightline.testing.TestDatabase;

/**
 * {@code sightline hotlist import|export|lists} end to end against this run's PostGIS database:
 * a file far over the HTTP body limit, every refused line reported, the valid ones stored and
 * audited, a running service picking the import up, and the retro-match on stored reads.
 */
class HotlistCliTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CliRun cli = new CliRun();
    /** Plates of this test run only (the app tests share one database): two letters, two digits, three letters. */
    private final String tag = randomTag();

    private static String randomTag() {
        String letters = "ABCDEFGHJKLMNPRTUVWXY";
        java.util.Random r = new java.util.Random();
        return "" + letters.charAt(r.nextInt(letters.length())) + letters.charAt(r.nextInt(letters.length()));
    }

    /** Creates a list with {@code hotlist save}. */
    private String list(String prefix) throws Exception {
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(cli.run("hotlist", "save", code, "--name", "CLI test " + code, "--kind", "stolen", "--scope", "anywhere"))
                .as(cli.stderr()).isZero();
        assertThat(cli.stdout()).contains("hotlist " + code + " saved: CLI test " + code + ", STOLEN, ANYWHERE");
        assertThat(lastAudit()[1]).isEqualTo("hotlist.list.create");
        return code;
    }

    private String plate(int i) {
        // current format: tag, age digits 02-99, three letters from the index (no I, Q)
        String letters = "ABCDEFGHJKLMNOPRSTUVWXYZ";
        int age = 2 + (i / 13_824) % 98;
        int n = i % 13_824;
        return String.format(Locale.ROOT, "%s%02d%c%c%c", tag, age, letters.charAt(n / 576), letters.charAt(n / 24 % 24),
                letters.charAt(n % 24));
    }

    private long liveEntries(String list) throws Exception {
        try (Connection c = TestDatabase.get().connect(); PreparedStatement st = c.prepareStatement(
                "SELECT count(*) FROM alert_hotlist_entry WHERE list_code = ? AND removed_at IS NULL")) {
            st.setString(1, list);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String[] lastAudit() throws Exception {
        try (Connection c = TestDatabase.get().connect(); PreparedStatement st = c.prepareStatement(
                "SELECT actor, action, target, details FROM audit_event ORDER BY id DESC LIMIT 1")) {
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)};
            }
        }
    }

    @Test
    void aFileOverTheHttpLimitIsStreamedEveryRefusedLineIsReportedAndTheValidOnesAreStoredAndAudited() throws Exception {
        String list = list("stolen");
        String other = list("asb");
        StringBuilder csv = new StringBuilder("plate,reason,priority,instruction,covert,source,valid_from,expires_at\n");
        int valid = 20_000;
        for (int i = 0; i < valid; i++) {
            csv.append(plate(i)).append(",Reported stolen (national list extract of 2026-11-20),").append(40 + i % 60)
                    .append(",\"Observe only, do not stop\",,PNC extract,,\n");
        }
        String past = Instant.now().minus(2, ChronoUnit.DAYS).toString();
        csv.append(plate(5)).append(",same plate again,50,,,,,\n")                  // line 20002: duplicate in the file
                .append(tag).append("1_XYZ,bad plate,50,,,,,\n")                     // 20003: invalid plate
                .append(plate(valid)).append(",too high,101,,,,,\n")                 // 20004: priority out of range
                .append(plate(valid + 1)).append(",expired,50,,,,,").append(past).append('\n') // 20005: past expiry
                .append(plate(valid + 2)).append(",short line\n");                   // 20006: wrong number of fields
        Path file = Files.writeString(dir.resolve("national.csv"), csv.toString());
        assertThat(Files.size(file)).as("more than the HTTP body limit of 1 MB").isGreaterThan(1 << 20);
        Path rejects = dir.resolve("rejects.csv");

        assertThat(cli.run("hotlist", "import", "--list", list, file.toString(), "--by", "j.smith", "--rejects",
                rejects.toString(), "--no-retro-match")).as(cli.stderr()).isEqualTo(1);
        assertThat(cli.stdout()).contains("hotlist " + list + ": 20,005 lines read, 20,000 imported, 5 refused");
        assertThat(cli.stderr()).contains("refused national.csv:20002 " + plate(5) + ": duplicate: " + plate(5)
                        + " is already on list '" + list + "'")
                .contains("refused national.csv:20003 " + tag + "1_XYZ: plate may hold only letters A-Z and digits")
                .contains("refused national.csv:20004 " + plate(valid) + ": priority must be 0-100, was 101")
                .contains("refused national.csv:20005 " + plate(valid + 1) + ": expiry " + past + " is in the past")
                .contains("refused national.csv:20006 " + plate(valid + 2) + ": expected 8 fields")
                .doesNotContain("Exception");
        assertThat(Files.readAllLines(rejects)).hasSize(6).first().isEqualTo("line,plate,problems");
        assertThat(liveEntries(list)).isEqualTo(valid);
        assertThat(liveEntries(other)).isZero();
        String[] audit = lastAudit();
        assertThat(audit[0]).isEqualTo("cli:j.smith");
        assertThat(audit[1]).isEqualTo("hotlist.import");
        assertThat(audit[2]).isEqualTo("national.csv");
        assertThat(audit[3]).contains("\"imported\":20000").contains("\"refused\":5").contains("\"lists\":\"" + list + "\"");

        // a second run of the same file: every line is now a duplicate, nothing changes
        assertThat(cli.run("hotlist", "import", "--list", list, file.toString(), "--no-retro-match")).isEqualTo(1);
        assertThat(cli.stdout()).contains("20,005 lines read, 0 imported, 20,005 refused");
        assertThat(liveEntries(list)).isEqualTo(valid);

        // lines naming another list are refused when importing into one list
        Path mixed = Files.writeString(dir.resolve("mixed.csv"), "list,plate,reason,priority,instruction,covert,source,"
                + "valid_from,expires_at\n" + list + "," + plate(valid + 3) + ",r,50,,,,,\n" + other + "," + plate(valid + 4)
                + ",r,50,,,,,\n," + plate(valid + 5) + ",r,50,,,,,\n");
        assertThat(cli.run("hotlist", "import", "--list", list, mixed.toString(), "--no-retro-match")).isEqualTo(1);
        assertThat(cli.stderr()).contains("refused mixed.csv:3 " + plate(valid + 4) + ": the line is for list '" + other
                + "', but this file is imported into '" + list + "'");
        assertThat(liveEntries(list)).isEqualTo(valid + 2);

        // export: the import format, one line per live entry, audited
        Path exported = dir.resolve("export.csv");
        assertThat(cli.run("hotlist", "export", "--list", list, "--out", exported.toString())).as(cli.stderr()).isZero();
        List<String> lines = Files.readAllLines(exported);
        assertThat(lines).hasSize(valid + 3).first().isEqualTo("list,plate,reason,priority,instruction,covert,source,"
                + "valid_from,expires_at");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(list + "," + plate(7)
                + ",Reported stolen (national list extract of 2026-11-20),47,\"Observe only, do not stop\",false,PNC extract,"));
        assertThat(lastAudit()[1]).isEqualTo("hotlist.export");
        assertThat(cli.run("hotlist", "lists")).isZero();
        assertThat(cli.stdout()).containsPattern(list + " .* 20,002\\n");
    }

    @Test
    void aDryRunReportsButStoresNothing() throws Exception {
        String list = list("dry");
        Path file = Files.writeString(dir.resolve("dry.csv"), "list,plate,reason,priority,instruction,covert,source,"
                + "valid_from,expires_at\n," + plate(1) + ",r,50,,,,,\n," + plate(2) + ",r,500,,,,,\n");
        String[] auditBefore = lastAudit();
        assertThat(cli.run("hotlist", "import", "--list", list, "--dry-run", file.toString())).isEqualTo(1);
        assertThat(cli.stdout()).contains("2 lines read, 1 would be imported (dry run: nothing stored), 1 refused");
        assertThat(cli.stderr()).contains("priority must be 0-100, was 500");
        assertThat(liveEntries(list)).isZero();
        assertThat(lastAudit()).containsExactly(auditBefore);
    }

    @Test
    void aMissingFileAnUnknownListAndAWrongHeaderAreOneClearLineEach() throws Exception {
        String list = list("errs");
        assertThat(cli.run("hotlist", "import", "--list", list, dir.resolve("nope.csv").toString())).isEqualTo(2);
        assertThat(cli.stderr().strip()).isEqualTo("Cannot read " + dir.resolve("nope.csv") + ": no such file");

        Path file = Files.writeString(dir.resolve("ok.csv"), "plate,reason,priority,instruction,covert,source,valid_from,"
                + "expires_at\n" + plate(3) + ",r,50,,,,,\n");
        assertThat(cli.run("hotlist", "import", "--list", "no-such-list", file.toString())).isEqualTo(2);
        assertThat(cli.stderr().strip()).startsWith("No hotlist 'no-such-list'. Hotlists: ").contains(list).doesNotContain("\n");
        assertThat(cli.run("hotlist", "save", "Bad Code", "--name", "x", "--kind", "stolen")).isEqualTo(2);
        assertThat(cli.stderr().strip()).startsWith("Not a valid hotlist: a hotlist code must be").doesNotContain("\n");
        assertThat(cli.run("hotlist", "save", "okcode", "--name", "x", "--kind", "bikes")).isEqualTo(2);
        assertThat(cli.stderr()).contains("kinds: [STOLEN, WANTED, LOCAL_ASB, ORGANISED_CRIME, OTHER]");

        Path bad = Files.writeString(dir.resolve("bad.csv"), "registration,why\n" + plate(3) + ",r\n");
        assertThat(cli.run("hotlist", "import", "--list", list, bad.toString())).isEqualTo(2);
        assertThat(cli.stderr().strip()).startsWith("Nothing imported: the first line must be the header list,plate,reason")
                .doesNotContain("\n");
        assertThat(liveEntries(list)).isZero();
    }

    @Test
    void aRunningServiceLoadsTheImportAndPublishesTheRetroMatchsHistoricHits() throws Exception {
        String list = list("live");
        String root = "test-cli-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> props = new HashMap<>(new SightlineTestProperties() { }.getProperties());
        props.put("sightline.alerting.instance-id", "cli-test-" + UUID.randomUUID().toString().substring(0, 6));
        props.put("sightline.alerting.topic-root", root);
        props.put("sightline.retention.enabled", false);
        List<String> published = new CopyOnWriteArrayList<>();
        try (ApplicationContext service = ApplicationContext.run(props, "test")) {
            MqttClients clients = service.getBean(MqttClients.class);
            MqttClient controlRoom = clients.newClient("test-cli-control-" + UUID.randomUUID());
            controlRoom.connect(clients.options(true, 0));
            controlRoom.subscribe(new MqttSubscription[] {new MqttSubscription(root + "/alerts/80", 1)},
                    new IMqttMessageListener[] {(topic, m) -> published.add(new String(m.getPayload(), StandardCharsets.UTF_8))});
            LiveHotlists live = service.getBean(LiveHotlists.class);
            live.size(); // the service has loaded its matcher before the import
            await().atMost(Duration.ofSeconds(10)).until(() -> service.getBean(HotlistChanges.class).listening());
            // 40 entries (random ids: paging through them must not depend on their order), 8 of them seen
            Instant threeDaysAgo = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            StringBuilder csv = new StringBuilder("plate,reason,priority,instruction,covert,source,valid_from,expires_at\n");
            for (int i = 10; i < 50; i++) {
                csv.append(plate(i)).append(i < 18 ? ",seen three days ago" : ",not seen").append(",80,,,,,\n");
                if (i < 18) {
                    storedRead(plate(i), threeDaysAgo);
                }
            }
            Path file = Files.writeString(dir.resolve("live.csv"), csv.toString());

            assertThat(cli.run("hotlist", "import", "--list", list, file.toString())).as(cli.stderr()).isZero();
            assertThat(cli.stdout()).contains("40 imported, 0 refused").contains("retro-match: 8 historic hits on stored reads");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                for (int i = 10; i < 50; i++) {
                    assertThat(live.match(ReadCandidates.of(plate(i)), Instant.now()))
                            .as("the service matches every new entry without a restart: " + plate(i)).hasSize(1);
                }
            });
            try (Connection c = TestDatabase.get().connect(); PreparedStatement st = c.prepareStatement(
                    "SELECT a.plate, a.historic, s.captured_at FROM alert a JOIN alert_sighting s ON s.alert_id = a.id"
                            + " WHERE a.list_code = ? ORDER BY a.plate")) {
                st.setString(1, list);
                try (ResultSet rs = st.executeQuery()) {
                    for (int i = 10; i < 18; i++) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).isEqualTo(plate(i));
                        assertThat(rs.getBoolean(2)).as("a historic hit").isTrue();
                        assertThat(rs.getTimestamp(3).toInstant()).isEqualTo(threeDaysAgo);
                    }
                    assertThat(rs.next()).isFalse();
                }
            }
            // the alerts were committed by the command line, which publishes nothing: the service's outbox does
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(published).hasSize(8));
            for (int i = 10; i < 18; i++) {
                String plate = plate(i);
                assertThat(published).filteredOn(p -> p.contains("\"plate\":\"" + plate + "\""))
                        .singleElement().asString().contains("\"kind\":\"historic\"");
            }
            controlRoom.disconnect();
        }
    }

    private static void storedRead(String plate, Instant at) throws Exception {
        StoredReads.insert(plate, at);
    }
}
