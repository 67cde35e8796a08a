UPDATE outbox SET claimed_by = :worker, replica = :replica, claimed_until = :until
WHERE id IN (
  SELECT o.id FROM outbox o
  WHERE o.status = 'pending' AND o.not_before <= :now AND o.kind IN (<kinds>)
    AND (o.claimed_until IS NULL OR o.claimed_until < :now OR o.claimed_by = :worker
      -- another replica's rows are free once it stopped beating; this process's own stay its workers' until the lease
      -- runs out, however stale its own heartbeat looks (it was paused: GC, sleep, a clock jump)
      OR ((o.replica IS NULL OR o.replica <> :replica)
        AND NOT EXISTS (SELECT 1 FROM replicas r WHERE r.id = o.replica AND r.heartbeat_at >= :alive)))
    AND (o.kind NOT IN (<ordered>) OR NOT EXISTS (
      SELECT 1 FROM outbox e WHERE e.incident_id = o.incident_id AND e.status = 'pending'
        AND e.id < o.id AND e.kind IN (<blocking>)))
    -- a card redraw waits for its card: the post will show the latest state anyway
    AND (o.kind <> 'update_card' OR NOT EXISTS (
      SELECT 1 FROM outbox c WHERE c.incident_id = o.incident_id AND c.status = 'pending' AND c.kind = 'post_card'))
  ORDER BY o.priority, o.id LIMIT :limit <lock>)
RETURNING *
