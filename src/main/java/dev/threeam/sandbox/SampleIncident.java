package dev.threeam.sandbox;

/** Fires a realistic sample alert (with recent changes) into the bot; supplied by the composition root. */
@FunctionalInterface
public interface SampleIncident {

    void fire();
}
