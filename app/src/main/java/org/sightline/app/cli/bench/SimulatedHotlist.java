package org.sightline.app.cli.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.sightline.alerting.hotlist.domain.HotlistEntry;
import org.sightline.alerting.hotlist.domain.PlateNumber;
import org.sightline.alerting.match.bench.MatchQuality;
import org.sightline.alerting.read.adapter.mqtt.ReadDecoder;
import org.sightline.alerting.read.domain.IncomingRead;
import org.sightline.ingest.simulator.domain.PlateFactory;

/**
 * A hotlist for a {@link SimulatorRecording}: a share of the vehicles that really drove past the
 * cameras (chosen at random), topped up with decoys from the simulator's own plate generator that
 * never drove, so that misreads of unlisted vehicles can land on listed plates as they would with a
 * national list. Also turns the recorded messages into reads labelled with their true plates.
 */
final class SimulatedHotlist {

    /** The list code the benchmark uses. */
    static final String LIST = "bench";

    private final List<HotlistEntry> entries;
    private final int listedVehicles;

    private SimulatedHotlist(List<HotlistEntry> entries, int listedVehicles) {
        this.entries = List.copyOf(entries);
        this.listedVehicles = listedVehicles;
    }

    /** All entries: the listed vehicles first, then the decoys. */
    List<HotlistEntry> entries() {
        return entries;
    }

    /** How many of the entries are vehicles of the recording. */
    int listedVehicles() {
        return listedVehicles;
    }

    /**
     * @param recording the simulator's stream and truth
     * @param size entries in all (at least the listed vehicles)
     * @param listedShare share of the recording's vehicles to list
     * @param now entries are live from a day before this instant for 30 days
     */
    static SimulatedHotlist build(SimulatorRecording recording, int size, double listedShare, long seed, Instant now) {
        Set<String> driven = new LinkedHashSet<>();
        recording.truth().values().forEach(t -> driven.add(t.truePlate()));
        Random random = new Random(seed);
        List<HotlistEntry> entries = new ArrayList<>(size);
        Set<String> listed = new HashSet<>(size * 2);
        for (String plate : driven) {
            if (random.nextDouble() < listedShare && listed.add(plate)) {
                entries.add(entry(plate, entries.size(), now));
            }
        }
        int vehicles = entries.size();
        PlateFactory decoys = new PlateFactory(new Random(seed * 31 + 7));
        while (entries.size() < size) {
            String plate = decoys.newPlate();
            if (!driven.contains(plate) && listed.add(plate)) {
                entries.add(entry(plate, entries.size(), now));
            }
        }
        return new SimulatedHotlist(entries, vehicles);
    }

    private static HotlistEntry entry(String plate, int i, Instant now) {
        return new HotlistEntry(UUID.randomUUID(), LIST, new PlateNumber(plate), "benchmark", 50 + i % 50, "", false,
                "bench", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(29)), "bench", now);
    }

    /** Reads of one recording, once each, with their true plates; counts what could not be used. */
    record Labelled(List<MatchQuality.LabelledRead> reads, List<IncomingRead> decoded, long undecodable, long unknown,
                    long duplicates, long malformed) {
    }

    /** Decodes the recorded messages as alerting does and labels each read with the truth. */
    static Labelled label(SimulatorRecording recording, ReadDecoder decoder) {
        Map<UUID, SimulatorRecording.Truth> truth = recording.truth();
        List<MatchQuality.LabelledRead> out = new ArrayList<>();
        List<IncomingRead> decoded = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        long undecodable = 0;
        long unknown = 0;
        long duplicates = 0;
        for (SimulatorRecording.Message m : recording.messages()) {
            ReadDecoder.Decoded d = decoder.decode(m.unitId(), m.payload());
            undecodable += d.problems().size();
            for (IncomingRead r : d.reads()) {
                if (!seen.add(r.readId())) {
                    duplicates++;
                    continue;
                }
                SimulatorRecording.Truth t = truth.get(r.readId());
                if (t == null) {
                    unknown++;
                    continue;
                }
                decoded.add(r);
                out.add(new MatchQuality.LabelledRead(r.candidates(), t.truePlate()));
            }
        }
        long malformed = truth.values().stream().filter(t -> t.delivery().equals("MALFORMED")).count();
        return new Labelled(out, decoded, undecodable, unknown, duplicates, malformed);
    }

    /** Prints what the stream held. */
    static void describe(PrintStream out, SimulatorRecording recording, Labelled labelled, SimulatedHotlist list) {
        Map<String, Integer> byDelivery = new HashMap<>();
        long misread = 0;
        long changed = 0;
        Set<UUID> journeys = new HashSet<>();
        for (SimulatorRecording.Truth t : recording.truth().values()) {
            byDelivery.merge(t.delivery(), 1, Integer::sum);
            journeys.add(t.journeyId());
            if (t.misread()) {
                misread++;
            }
            if (!t.readPlate().equals(t.truePlate())) {
                changed++;
            }
        }
        out.printf(Locale.ROOT, "  ground truth: %,d reads of %,d journeys (%s); %,d misread (%.2f %%)%n",
                recording.truth().size(), journeys.size(), byDelivery, misread, 100.0 * misread / Math.max(1, recording.truth().size()));
        out.printf(Locale.ROOT, "  decoded %,d distinct reads (%,d duplicate deliveries dropped, %,d malformed messages"
                + " refused by the decoder, %,d reads without truth)%n", labelled.reads().size(), labelled.duplicates(),
                labelled.undecodable(), labelled.unknown());
        out.printf(Locale.ROOT, "  hotlist: %,d entries = %,d vehicles of the stream + %,d decoys from the simulator's"
                + " plate generator%n", list.entries().size(), list.listedVehicles(), list.entries().size() - list.listedVehicles());
    }

    /** Reads that came with the unit's alternative readings. */
    static long withAlternatives(Labelled labelled) {
        return labelled.reads().stream().map(MatchQuality.LabelledRead::candidates).filter(c -> !c.alternatives().isEmpty())
                .count();
    }
}
