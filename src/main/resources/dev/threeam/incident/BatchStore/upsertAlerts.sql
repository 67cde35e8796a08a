INSERT INTO incident_alerts (incident_id, fingerprint, source, status, title, labels, count, first_at, last_at)
VALUES (:incidentId, :fingerprint, :source, :status, :title, :labels, :count, :at, :at)
ON CONFLICT (incident_id, fingerprint) DO UPDATE
  SET status = excluded.status, count = incident_alerts.count + excluded.count, last_at = excluded.last_at
