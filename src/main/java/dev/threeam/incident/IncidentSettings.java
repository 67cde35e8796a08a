package dev.threeam.incident;

import java.time.Duration;

/**
 * @param flapWindow         a resolved incident whose alert fires again within this reopens
 * @param cardUpdateInterval the card is redrawn at most once per this, carrying the latest state; a storm's
 *                           "alerts joined" entry grows in place for as long
 * @param defaultChannel     where threads go when the runbook names no channel
 */
public record IncidentSettings(Duration flapWindow, Duration cardUpdateInterval, String defaultChannel) {}
