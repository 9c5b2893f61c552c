package rollgate.rules.rollback["missing-duration_test"]

import data.rollgate.rules.rollback["missing-duration"] as rule

params := {"defaultRollbackDuration": {"seconds": 1800, "text": "30m"}}

test_no_duration_fires if {
	some f in rule.deny with input as {"scope": "plan", "plan": {"spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0", "rollback": {"procedure": "https://x"}}]}}, "facts": {"steps": [{"id": "ledger", "tier": 3, "from": "1.9.0"}], "rollback": {}}} with data.params as params
	f.path == "/spec/steps/0/rollback"
	contains(f.message, "30m")
}

test_duration_passes if {
	count(rule.deny) == 0 with input as {"scope": "plan", "plan": {"spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0", "rollback": {"automatic": true, "triggers": [{"metric": "error_rate", "max": 0.02}], "duration": "10m", "testedAt": "2026-03-01"}}]}}, "facts": {"steps": [{"id": "ledger", "tier": 3, "from": "1.9.0"}], "rollback": {}}} with data.params as params
}
