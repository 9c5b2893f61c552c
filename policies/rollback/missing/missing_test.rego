package rollgate.rules.rollback.missing_test

import data.rollgate.rules.rollback.missing as rule

test_no_rollback_fires if {
	some f in rule.deny with input as {"scope": "plan", "plan": {"spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0"}]}}, "facts": {"steps": [{"id": "ledger", "tier": 3, "from": "1.9.0"}], "rollback": {}}}
	f.path == "/spec/steps/0"
	contains(f.message, "back to 1.9.0")
}

test_procedure_passes if {
	count(rule.deny) == 0 with input as {"scope": "plan", "plan": {"spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0", "rollback": {"procedure": "https://x"}}]}}, "facts": {"steps": [{"id": "ledger", "tier": 3, "from": "1.9.0"}], "rollback": {}}}
}
