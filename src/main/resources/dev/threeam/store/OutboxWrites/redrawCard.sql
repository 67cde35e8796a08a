INSERT INTO outbox (incident_id, kind, priority, payload, coalesce_key, status, attempts, not_before, created_at)
VALUES (:incident, 'update_card', :priority, '{}', :key, 'pending', 0, :notBefore, :now)
ON CONFLICT (coalesce_key) DO UPDATE SET payload = '{"again":true}'
  WHERE outbox.claimed_by IS NOT NULL AND outbox.payload <> '{"again":true}'
