package org.sightline.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Enforces the module direction (geo-data ← ingest, alerting, planner ← app) and keeps every
 * {@code domain} package free of frameworks, drivers and transports.
 */
class ModuleArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sightline");
    }

    @Test
    void geoDataDependsOnNoOtherModule() {
        noClasses().that().resideInAnyPackage("org.sightline.geo..", "org.sightline.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.sightline.ingest..", "org.sightline.alerting..", "org.sightline.planner..", "org.sightline.app..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void featureModulesDoNotDependOnTheAppOrOnEachOther() {
        noClasses().that().resideInAPackage("org.sightline.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sightline.app..", "org.sightline.alerting..", "org.sightline.planner..")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideInAPackage("org.sightline.alerting..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sightline.app..", "org.sightline.planner..", "org.sightline.ingest..")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideInAPackage("org.sightline.planner..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sightline.app..", "org.sightline.ingest..", "org.sightline.alerting..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void domainPackagesUseNoFrameworkDriverOrTransport() {
        noClasses().that().resideInAPackage("org.sightline..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.micronaut..", "jakarta..", "javax.inject..", "java.sql..", "javax.sql..",
                        "org.postgresql..", "net.postgis..", "org.eclipse.paho..", "com.hivemq..",
                        "org.flywaydb..", "com.fasterxml.jackson..", "org.slf4j..")
                .check(classes);
    }

    @Test
    void appIsTheOnlyPlaceThatStartsTheEmbeddedBroker() {
        noClasses().that().resideOutsideOfPackage("org.sightline.app..")
                .should().dependOnClassesThat().resideInAPackage("com.hivemq..")
                .check(classes);
    }
}
