INSERT INTO incidents (id, seq, incident_key, open_key, title, workflow, failure_type, evidence, confidence, runner_up, runner_up_lead, first_alert,
  severity, status, drill, drill_type, acknowledged_by, alert_count, opened_at, last_alert_at, channel, lookup_note)
VALUES (:id, :seq, :key, :openKey, :title, :workflow, :failureType, :evidence, :confidence, :runnerUp, :runnerUpLead, :firstAlert,
  :severity, 'triggered', :drill, :drillType, NULL, 1, :at, :at, :channel, :lookupNote)
ON CONFLICT (open_key) DO NOTHING
