package org.sightline.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;

/**
 * Enforces the module direction (geo-data ← ingest, alerting, planner ← app), keeps every
 * {@code domain} package free of frameworks, drivers and transports, and keeps database work off the
 * HTTP server's event loop.
 */
class ModuleArchitectureTest {

    private static final List<String> ROUTES = List.of(Get.class.getName(), Post.class.getName(), Put.class.getName(),
            Delete.class.getName(), Patch.class.getName());

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

    /** The embedded broker (HiveMQ CE) is app's; HiveMQ's MQTT client (com.hivemq.client) is the intake's. */
    @Test
    void appIsTheOnlyPlaceThatStartsTheEmbeddedBroker() {
        noClasses().that().resideOutsideOfPackage("org.sightline.app..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("com.hivemq..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("com.hivemq.client.."))))
                .check(classes);
    }

    /**
     * Micronaut runs a controller on the Netty event loop unless told otherwise: one that waits for
     * the database there stalls every other request on that loop's connections (a browser's next
     * request on a kept-alive connection then waits unseen by the server, while a fresh connection is
     * answered at once).
     */
    @Test
    void controllersThatUseAStoreRunOnTheBlockingExecutor() {
        DescribedPredicate<JavaClass> usesStore = new DescribedPredicate<>("use a class of an adapter.db package") {
            @Override
            public boolean test(JavaClass c) {
                return c.getDirectDependenciesFromSelf().stream()
                        .anyMatch(d -> d.getTargetClass().getPackageName().contains(".adapter.db"));
            }
        };
        ArchCondition<JavaClass> offTheEventLoop = new ArchCondition<>(
                "run every blocking route on an executor (@ExecuteOn on the class or the method)") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                if (c.isAnnotatedWith(ExecuteOn.class)) {
                    return;
                }
                for (JavaMethod m : c.getMethods()) {
                    boolean route = m.getAnnotations().stream().anyMatch(a -> ROUTES.contains(a.getRawType().getName()));
                    if (route && !m.getRawReturnType().isAssignableTo(Publisher.class) && !m.isAnnotatedWith(ExecuteOn.class)) {
                        events.add(SimpleConditionEvent.violated(m, m.getFullName() + " waits for the database on the event loop"));
                    }
                }
            }
        };
        classes().that().areAnnotatedWith(Controller.class).and(usesStore).should(offTheEventLoop).check(classes);
    }
}
