package rollgate.rules.rollback.untested_test

import data.rollgate.rules.rollback.untested as rule

params := {"maxRollbackTestAge": {"seconds": 2592000, "text": "30d"}}

test_old_rehearsal_fires if {
	some f in rule.deny with input as {"scope": "plan", "plan": {"spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0", "rollback": {"automatic": true, "triggers": [{"metric": "error_rate", "max": 0.02}], "duration": "10m", "testedAt": "2026-03-01"}}]}}, "facts": {"steps": [{"id": "ledger", "tier": 1, "from": "1.9.0"}], "rollback": {"steps": [{"index": 0, "testedAgeSeconds": 3000000}]}}} with data.params as params
	f.severity == "error"
	f.path == "/spec/steps/0/rollback/testedAt"
}

test_missing_tested_at_fires if {
	some f in rule.deny with input as {"scope": "plan", "plan": {"spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0"}]}}, "facts": {"steps": [{"id": "ledger", "tier": 3, "from": "1.9.0"}], "rollback": {}}} with data.params as params
	f.severity == "warning"
}

test_recent_rehearsal_passes if {
	count(rule.deny) == 0 with input as {"scope": "plan", "plan": {"spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0", "rollback": {"automatic": true, "triggers": [{"metric": "error_rate", "max": 0.02}], "duration": "10m", "testedAt": "2026-03-01"}}]}}, "facts": {"steps": [{"id": "ledger", "tier": 1, "from": "1.9.0"}], "rollback": {"steps": [{"index": 0, "testedAgeSeconds": 86400}]}}} with data.params as params
}
