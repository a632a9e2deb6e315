package io.pollcast;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.pollcast.config.Language;
import io.pollcast.storage.SlackRequestStore;

/**
 * The dependency rules of the design, checked on every build: platform libraries stay in their
 * adapters, storage knows nothing of the bot, the application knows nothing of its adapters, the
 * domain depends on nothing, and the top-level packages form no cycle.
 */
@AnalyzeClasses(packages = "io.pollcast", importOptions = ImportOption.DoNotIncludeTests.class)
final class ArchitectureTest {

  private static final String[] ADAPTERS = {
    "io.pollcast.admin..",
    "io.pollcast.cli..",
    "io.pollcast.console..",
    "io.pollcast.discord..",
    "io.pollcast.logging..",
    "io.pollcast.metrics..",
    "io.pollcast.slack..",
    "io.pollcast.web..",
  };

  private static final String[] APPLICATION = {
    "io.pollcast.chart..",
    "io.pollcast.command..",
    "io.pollcast.feed..",
    "io.pollcast.importer..",
    "io.pollcast.poll..",
    "io.pollcast.privacy..",
    "io.pollcast.routine..",
    "io.pollcast.text..",
  };

  private ArchitectureTest() {}

  @ArchTest
  static final ArchRule jdaStaysInTheDiscordAdapter =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.pollcast.discord..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("net.dv8tion..")
          .as("JDA stays in the Discord adapter (io.pollcast.discord)");

  @ArchTest
  static final ArchRule boltStaysInTheSlackAdapter =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.pollcast.slack..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.slack..")
          .as("Bolt and the Slack SDK stay in the Slack adapter (io.pollcast.slack)");

  @ArchTest
  static final ArchRule httpServerStaysInTheHttpAdapters =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "io.pollcast.web..", "io.pollcast.admin..", "io.pollcast.slack..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..")
          .as(
              "Javalin and Jetty stay in the HTTP adapters (web, and the admin and Slack endpoints"
                  + " built on it)");

  @ArchTest
  static final ArchRule storageKnowsNothingOfTheBot =
      noClasses()
          .that()
          .resideInAPackage("io.pollcast.storage..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("io.pollcast..")
                  .and(resideOutsideOfPackages("io.pollcast.storage..", "io.pollcast.config..")))
          .as("Storage knows nothing of the bot");

  @ArchTest
  static final ArchRule applicationKnowsNothingOfItsAdapters =
      noClasses()
          .that()
          .resideInAnyPackage(APPLICATION)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(ADAPTERS)
          .as("The application (poll, command, privacy, ...) knows nothing of its adapters");

  @ArchTest
  static final ArchRule applicationKnowsNothingOfTheCompositionRoot =
      noClasses()
          .that()
          .resideInAnyPackage(APPLICATION)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.pollcast")
          .as("The application knows nothing of the composition root (io.pollcast)");

  @ArchTest
  static final ArchRule chatSpeaksTheDomainNotStorageRows =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.pollcast.command..",
              "io.pollcast.text..",
              "io.pollcast.console..",
              "io.pollcast.discord..",
              "io.pollcast.slack..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("io.pollcast.storage..")
                  .and(not(equivalentTo(SlackRequestStore.class))))
          .as(
              "Commands, texts and chat adapters speak the domain's words, not storage's rows"
                  + " (Slack's endpoint keeps the deliveries it has taken in the database)");

  @ArchTest
  static final ArchRule chatAdaptersAreHandedWhatTheyNeed =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.pollcast.console..",
              "io.pollcast.discord..",
              "io.pollcast.slack..",
              "io.pollcast.web..",
              "io.pollcast.admin..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.pollcast")
          .as(
              "Chat and HTTP adapters are handed what they need; they never reach the composition root");

  @ArchTest
  static final ArchRule domainDependsOnNothingElse =
      classes()
          .that()
          .resideInAPackage("io.pollcast.domain..")
          .should()
          .onlyDependOnClassesThat(
              resideInAnyPackage("io.pollcast.domain..", "java..").or(equivalentTo(Language.class)))
          .as("The domain depends on nothing else in the project but the language setting");

  @ArchTest
  static final ArchRule pollNeedsNoParser =
      noClasses()
          .that()
          .resideInAPackage("io.pollcast.poll..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.pollcast.importer..")
          .as("The poll service needs no parser of episode files");

  @ArchTest
  static final ArchRule privacyKnowsNothingOfThePollService =
      noClasses()
          .that()
          .resideInAPackage("io.pollcast.privacy..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.pollcast.poll..")
          .as("Privacy knows nothing of the poll service");

  @ArchTest
  static final ArchRule topLevelPackagesFormNoCycle =
      slices()
          .matching("io.pollcast.(*)..")
          .should()
          .beFreeOfCycles()
          .as("The top-level packages form no cycle");
}
