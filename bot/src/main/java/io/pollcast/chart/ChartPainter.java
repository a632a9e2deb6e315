package io.pollcast.chart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Paints a {@link ChartLayout} onto a white page and encodes it as PNG. Stateless. */
final class ChartPainter {
  private static final Color TRACK = new Color(0xE6E6E6);

  private ChartPainter() {}

  /**
   * Graphics for an image with the hints the layout is measured with, so that text measured is text
   * drawn.
   */
  static Graphics2D graphics(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
    return g;
  }

  static byte[] png(ChartLayout layout) {
    BufferedImage image =
        new BufferedImage(layout.width(), layout.height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = graphics(image);
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, layout.width(), layout.height());
      for (ChartLayout.Bar bar : layout.bars()) {
        g.setColor(TRACK);
        g.fillRect(bar.x(), bar.y(), bar.width(), bar.height());
        g.setColor(bar.color());
        g.fillRect(bar.x(), bar.y(), bar.filled(), bar.height());
      }
      for (ChartLayout.Text text : layout.texts()) {
        g.setFont(text.font());
        g.setColor(text.color());
        g.drawString(text.text(), text.x(), text.baseline());
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
