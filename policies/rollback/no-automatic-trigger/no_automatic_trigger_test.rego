package rollgate.rules.rollback["no-automatic-trigger_test"]

import data.rollgate.rules.rollback["no-automatic-trigger"] as rule

test_tier1_manual_is_error if {
	some f in rule.deny with input as {"scope": "plan", "plan": {"spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0", "rollback": {"automatic": false, "procedure": "https://x"}}]}}, "facts": {"steps": [{"id": "ledger", "tier": 1, "from": "1.9.0"}], "rollback": {}}}
	f.severity == "error"
	f.path == "/spec/steps/0/rollback/automatic"
}

test_tier3_missing_is_warning if {
	some f in rule.deny with input as {"scope": "plan", "plan": {"spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0"}]}}, "facts": {"steps": [{"id": "ledger", "tier": 3, "from": "1.9.0"}], "rollback": {}}}
	f.severity == "warning"
}

test_trigger_with_threshold_passes if {
	count(rule.deny) == 0 with input as {"scope": "plan", "plan": {"spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0", "rollback": {"automatic": true, "triggers": [{"metric": "error_rate", "max": 0.02}], "duration": "10m", "testedAt": "2026-03-01"}}]}}, "facts": {"steps": [{"id": "ledger", "tier": 1, "from": "1.9.0"}], "rollback": {}}}
}
