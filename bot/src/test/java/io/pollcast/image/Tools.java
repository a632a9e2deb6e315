package io.pollcast.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Runs a command of this machine and fails with its output when it fails. */
final class Tools {
  private Tools() {}

  /** Runs {@code command} to its end; its output when it exits with 0. */
  static String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    if (exit != 0) {
      throw new IOException(String.join(" ", command) + " exited with " + exit + ": " + output);
    }
    return output;
  }

  /** The exit code of {@code command}, its output discarded. */
  static int exitCode(String... command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    process.getOutputStream().close();
    return process.waitFor();
  }

  /**
   * Whether this process may run an image as {@link ImageContainer} does: as root, allowed to make
   * namespaces and mount in them (not so in an unprivileged container), with the tools for it.
   */
  static boolean canRunImages() {
    try {
      return run("id", "-u").strip().equals("0")
          && exitCode(
                  "unshare",
                  "--net",
                  "--uts",
                  "--mount",
                  "--pid",
                  "--fork",
                  "sh",
                  "-c",
                  "ip link set lo up && mount -t proc proc /proc && command -v nsenter")
              == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
