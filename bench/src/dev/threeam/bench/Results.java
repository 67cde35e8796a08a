package dev.threeam.bench;

import java.time.Instant;

/** Everything one run of the bench measured, with where and how. Parts that were skipped are null. */
record Results(Instant date, Machine machine, String command, String settings, Ingestion.Results ingestion,
               CardLatency.Result card, Storm.Result storm, Startup.Result startup) {}
