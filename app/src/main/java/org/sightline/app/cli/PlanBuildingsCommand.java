package org.sightline.app.cli;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sightline.planner.occlusion.application.BuildingLayers;
import org.sightline.planner.occlusion.domain.BuildingLayer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sightline plan buildings FILE}: stores building footprints (of any size; the page takes
 * small files only) as a layer that plans can use; {@code --list} shows the stored layers.
 */
@Command(name = "buildings", mixinStandardHelpOptions = true,
        description = "Store building footprints (GeoJSON or GeoPackage polygons, e.g. OS Open Map Local buildings) "
                + "that block cameras' views, or list the stored layers.")
public class PlanBuildingsCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "A .geojson, .geojsonl or .gpkg file of polygons.")
    Path file;

    @Option(names = "--name", description = "Name of the layer (default: the file's name).")
    String name;

    @Option(names = "--layer", paramLabel = "TABLE", description = "The GeoPackage table holding the buildings, when it has several (OS Open Map Local: Building).")
    String gpkgLayer;

    @Option(names = "--list", description = "List the stored layers.")
    boolean list;

    @Mixin
    UsersCommand.ConfigOptions config = new UsersCommand.ConfigOptions();

    @Override
    public Integer call() {
        if ((file == null) == !list) {
            System.err.println("sightline plan buildings: give a FILE to store, or --list");
            return 2;
        }
        try (ApplicationContext ctx = config.start()) {
            BuildingLayers layers = ctx.getBean(BuildingLayers.class);
            if (list) {
                for (BuildingLayer l : layers.list()) {
                    System.out.printf(Locale.ROOT, "%s  %s  %,d footprints  %s%s%n", l.id(), l.createdAt(), l.footprints(),
                            l.name(), l.createdBy().isEmpty() ? "" : " (" + l.createdBy() + ")");
                }
                return 0;
            }
            System.out.println(layers.importFile(file, java.util.Optional.ofNullable(gpkgLayer), name,
                    System.getProperty("user.name", "")).describe());
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("sightline plan buildings: " + e.getMessage());
            return 2;
        }
    }
}
