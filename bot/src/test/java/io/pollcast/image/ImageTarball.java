package io.pollcast.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An image tarball as Jib's {@code buildTar} writes it ({@code docker save} format): a {@code
 * manifest.json} naming the config JSON and the layers, each layer a (gzipped) tar. Read with the
 * {@code tar} command, so what is checked is what {@code docker load} would get.
 */
final class ImageTarball {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path unpacked;
  private final JsonNode manifest;

  private ImageTarball(Path unpacked, JsonNode manifest) {
    this.unpacked = unpacked;
    this.manifest = manifest;
  }

  /** Unpacks {@code tarball}'s top level (manifest, config, layer files) into {@code dir}. */
  static ImageTarball open(Path tarball, Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Tools.run("tar", "-xf", tarball.toString(), "-C", dir.toString());
    JsonNode manifest = JSON.readTree(dir.resolve("manifest.json").toFile());
    if (!manifest.isArray() || manifest.size() != 1) {
      throw new IOException("manifest.json should describe one image: " + manifest);
    }
    return new ImageTarball(dir, manifest.get(0));
  }

  /** The image's config JSON (the {@code config} object inside it holds entrypoint, user, ...). */
  JsonNode config() throws IOException {
    return JSON.readTree(unpacked.resolve(manifest.get("Config").asText()).toFile());
  }

  /** The layer files, base first. */
  List<Path> layers() {
    List<Path> layers = new ArrayList<>();
    manifest.get("Layers").forEach(layer -> layers.add(unpacked.resolve(layer.asText())));
    return layers;
  }

  /** Extracts every layer, in order, into {@code root}, keeping owners and modes (needs root). */
  void extractTo(Path root) throws IOException, InterruptedException {
    Files.createDirectories(root);
    for (Path layer : layers()) {
      Tools.run("tar", "--same-owner", "-xpf", layer.toString(), "-C", root.toString());
    }
  }
}
