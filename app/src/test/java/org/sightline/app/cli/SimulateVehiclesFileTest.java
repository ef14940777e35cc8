package org.sightline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate --vehicles-from}: the registrations it takes from a hotlist CSV or a plain list, and what it refuses. */
class SimulateVehiclesFileTest {

    @TempDir
    Path dir;

    @Test
    void takesThePlateColumnOfAHotlistCsvOrTheFirstFieldOfEachLine() throws Exception {
        Path csv = Files.writeString(dir.resolve("list.csv"), "list,plate,reason\ndemo,ca19 xkt,stolen\ndemo,CA19-XKT,again\n\n"
                + "demo,wa51dem,wanted\n");
        assertThat(SimulateCommand.registrations(csv)).containsExactly("CA19XKT", "WA51DEM");
        Path plain = Files.writeString(dir.resolve("plates.txt"), "# watch-listed\nMA70ABC\nLB02XYZ, note\n");
        assertThat(SimulateCommand.registrations(plain)).containsExactly("MA70ABC", "LB02XYZ");
    }

    @Test
    void unreadableEmptyOrWrongFilesAreRefusedWithTheLine() throws Exception {
        assertThatThrownBy(() -> SimulateCommand.registrations(dir.resolve("missing.csv")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "list,plate\n# nothing\n");
        assertThatThrownBy(() -> SimulateCommand.registrations(empty)).hasMessageContaining("holds no registrations");
        Path bad = Files.writeString(dir.resolve("bad.csv"), "list,plate\ndemo,CA19XKT\ndemo,---\n");
        assertThatThrownBy(() -> SimulateCommand.registrations(bad)).hasMessageContaining("line 3").hasMessageContaining("'---'");
    }
}
