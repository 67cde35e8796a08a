package dev.threeam.chart;

import dev.threeam.incident.ChartFacts;

/**
 * A chart ready to upload: its file name, title and alt text, the PNG, and the numbers it shows (said in the upload's
 * comment, and instead of the image when Slack refuses it). {@code png} is null when no image could be drawn
 * ({@code problem} says why).
 */
public record Drawing(String filename, String title, String altText, byte[] png, String problem, ChartFacts.Numbers numbers) {}
