package rollgate.rules.rollback["coupled-steps_test"]

import data.rollgate.rules.rollback["coupled-steps"] as rule

test_coupled_fires if {
	inp := {"scope": "plan", "plan": {"metadata": {"name": "p"}, "spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0"}]}}, "facts": {"steps": [{"id": "ledger", "tier": 3, "ancestors": []}], "contract": {"states": [{"kind": "during", "step": "ledger", "region": "eu-west-1"}], "coupled": [{"kind": "range", "state": 0, "region": "eu-west-1", "consumer": "payments", "consumerVersion": "2.3.0", "consumesFrom": -1, "consumesIndex": 0, "api": "ledger-api", "range": "^1.4.0", "provider": "ledger", "providerVersion": "2.0.0", "contractVersion": "1.6.0", "providesFrom": 0, "providesIndex": 0, "steps": ["ledger"], "rolledBack": 0, "first": ["payments"]}]}}}
	some f in rule.deny with input as inp
	f.path == "/spec/steps/0/rollback"
	contains(f.message, "Roll back \"payments\" first")
}

test_nothing_coupled_passes if {
	count(rule.deny) == 0 with input as {"scope": "plan", "plan": {"metadata": {"name": "p"}, "spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0"}]}}, "facts": {"steps": [{"id": "ledger", "tier": 3, "ancestors": []}], "contract": {"states": [{"kind": "during", "step": "ledger", "region": "eu-west-1"}], "coupled": []}}}
}
