package io.pollcast.poll;

import java.util.Arrays;

/** A rendered chart: the bytes of a PNG image. Immutable. */
public final class ChartImage {
  private final byte[] png;

  /** Wraps PNG bytes (copied). */
  public ChartImage(byte[] png) {
    if (png.length == 0) {
      throw new IllegalArgumentException("an image has bytes");
    }
    this.png = png.clone();
  }

  /** The PNG bytes (a copy). */
  public byte[] png() {
    return png.clone();
  }

  /** The size of the PNG in bytes. */
  public int size() {
    return png.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ChartImage that && Arrays.equals(png, that.png);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(png);
  }

  @Override
  public String toString() {
    return "ChartImage[" + png.length + " bytes]";
  }
}
