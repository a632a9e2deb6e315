package io.pollcast.cli;

import picocli.CommandLine;

/** The version printed by {@code --version}, from the jar's manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = PollcastCli.class.getPackage().getImplementationVersion();
    return new String[] {"Pollcast " + (version == null ? "(development build)" : version)};
  }
}
