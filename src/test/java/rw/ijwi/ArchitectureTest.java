package rw.ijwi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import rw.ijwi.ussd.Engine;
import rw.ijwi.ussd.Renderer;

/**
 * The shape of the house, checked on the compiled main classes. Packages come in three kinds:
 * <ul>
 * <li>the composition root ({@code rw.ijwi}: Main, App, the feature assemblies) and {@code cli}, which may use
 * anything and which nothing else imports;</li>
 * <li>shared ground every feature may import: config, db, web, security, gsm, geo, audit, auth, callers, ops;</li>
 * <li>features (ussd, sms, radio, broadcast, commitments, feedback, disclosure, dashboard, review, simulator,
 * admin, privacy, africastalking). A feature's public face is its public types, minus two kinds of internals:
 * its DAOs (a feature's tables are its own; the few readers of another feature's DAO are named below, with
 * why) and the rooms of sms (each room names the features it is open to).</li>
 * </ul>
 */
class ArchitectureTest {

    /** Only Ijwi's own compiled classes (archunit.properties: libraries are not read, only named). */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(Path.of("target/classes/rw/ijwi"));

    private static final String[] ROOT = {"rw.ijwi", "rw.ijwi.cli"};

    /** Who besides its owner (and the root) may use a feature's DAOs, and why. */
    record Readers(String feature, List<String> readers, String why) {
    }

    static Stream<Readers> daoReaders() {
        return Stream.of(
                new Readers("ussd", List.of(), "USSD's sessions are its own"),
                new Readers("sms", List.of("rw.ijwi.dashboard"), "/api/v1/stats shows SMS delivery figures"),
                new Readers("radio", List.of(), "campaigns are their own"),
                new Readers("broadcast", List.of(), "broadcasts are their own"),
                new Readers("commitments", List.of("rw.ijwi.dashboard", "rw.ijwi.broadcast"),
                        "the brief lists commitments made; a broadcast may announce one"),
                new Readers("feedback", List.of("rw.ijwi.dashboard", "rw.ijwi.ussd"),
                        "the numbers pages read the aggregates; USSD files reports"),
                new Readers("disclosure", List.of(), "releases are read through Publisher"),
                new Readers("dashboard", List.of(), "pages only"),
                new Readers("review", List.of(), "review is its own"),
                new Readers("simulator", List.of(), "test reports are its own"),
                new Readers("admin", List.of(), "pages only"),
                new Readers("privacy", List.of(), "retention is its own"));
    }

    @Test
    void noPackageImportsAnotherThatImportsItBack() {
        slices().matching("rw.(**)").namingSlices("$1").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void nothingButTheCommandLineImportsTheCompositionRoot() {
        noClasses().that().resideOutsideOfPackages(ROOT).should().dependOnClassesThat().resideInAPackage("rw.ijwi")
                .check(MAIN);
    }

    @Test
    void theUssdEngineReachesNoDatabaseAndNoHttp() {
        noClasses().that().belongToAnyOf(Engine.class, Renderer.class)
                .should().transitivelyDependOnClassesThat()
                .resideInAnyPackage("org.jdbi..", "java.sql..", "javax.sql..", "io.javalin..", "jakarta.servlet..")
                .check(MAIN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("daoReaders")
    void aFeaturesDaosAreUsedByItsOwnerAndItsNamedReadersOnly(Readers dao) {
        String owner = "rw.ijwi." + dao.feature() + "..";
        String[] allowed = Stream.concat(Stream.of(owner, ROOT[0], ROOT[1]), dao.readers().stream())
                .toArray(String[]::new);
        classes().that().resideInAPackage(owner).and().haveNameMatching(".*Dao(\\$.*)?")
                .should().onlyHaveDependentClassesThat().resideInAnyPackage(allowed)
                .because(dao.why())
                .allowEmptyShould(true)
                .check(MAIN);
    }

    /** The SMS pipeline flows one way: inbound, then keywords, then outbox; the pages only look. */
    @Test
    void smsRoomsImportDownstreamOnly() {
        Map<String, List<String>> mayNotImport = Map.of(
                "rw.ijwi.sms", List.of("rw.ijwi.sms.inbound..", "rw.ijwi.sms.keywords..", "rw.ijwi.sms.outbox..",
                        "rw.ijwi.sms.pages.."),
                "rw.ijwi.sms.inbound..", List.of("rw.ijwi.sms.keywords..", "rw.ijwi.sms.pages.."),
                "rw.ijwi.sms.keywords..", List.of("rw.ijwi.sms.pages.."),
                "rw.ijwi.sms.outbox..", List.of("rw.ijwi.sms.inbound..", "rw.ijwi.sms.keywords..",
                        "rw.ijwi.sms.pages.."));
        mayNotImport.forEach((room, others) -> noClasses().that().resideInAPackage(room)
                .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
                .check(MAIN));
    }

    /** Each room of sms names the features it is open to; everything else goes through the root's wiring. */
    @Test
    void smsRoomsAreOpenOnlyToTheFeaturesTheyName() {
        Map<String, List<String>> openTo = Map.of(
                // The provider adapter hands callbacks in; the privacy command empties the spool.
                "rw.ijwi.sms.inbound..", List.of("rw.ijwi.africastalking", "rw.ijwi.cli"),
                // Radio campaigns plug their votes into the router as Polls.
                "rw.ijwi.sms.keywords..", List.of("rw.ijwi.radio"),
                // The AT client is the gateway the outbox sends through.
                "rw.ijwi.sms.outbox..", List.of("rw.ijwi.africastalking"),
                "rw.ijwi.sms.pages..", List.of("rw.ijwi.dashboard"));
        openTo.forEach((room, features) -> classes().that().resideInAPackage(room)
                .should().onlyHaveDependentClassesThat().resideInAnyPackage(Stream.concat(
                        Stream.of("rw.ijwi.sms..", ROOT[0]), features.stream()).toArray(String[]::new))
                .check(MAIN));
    }
}
