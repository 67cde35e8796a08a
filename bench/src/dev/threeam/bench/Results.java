package dev.threeam.bench;

import java.time.Instant;
import java.util.List;

/**
 * Everything one run of the bench measured, with where and how. Parts that were skipped are null. The load averages
 * (1, 5, 15 min) are read at the start and at the end: the machine may be shared.
 */
record Results(Instant date, Machine machine, String command, String settings, List<String> botJavaOptions, String loadAtStart,
               String loadAtEnd, double minutes, Ingestion.Results ingestion, Batches.Results batches, List<LatencyCurve.Curve> curves,
               Storm.Result storm, ClassifyTiming.Result classify, CardLatency.Result card, Startup.Result startup,
               List<Profile> profiles, Otlp.Result otlp) {}
