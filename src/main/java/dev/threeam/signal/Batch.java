package dev.threeam.signal;

import java.util.List;

/** One export read: the points kept, what was dropped and why, and how many points (or log records) it held. */
record Batch(List<RawPoint> points, Drops drops, long received) {}
