package rollgate.rules.contract["api-removed-in-use_test"]

import data.rollgate.rules.contract["api-removed-in-use"] as rule

test_removed_fires if {
	some f in rule.deny with input as {"scope": "plan", "plan": {"metadata": {"name": "p"}, "spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0"}]}}, "facts": {"steps": [{"id": "ledger", "tier": 3, "ancestors": []}], "contract": {"states": [{"kind": "during", "step": "ledger", "region": "eu-west-1"}], "violations": [{"kind": "removed", "state": 0, "region": "eu-west-1", "consumer": "payments", "consumerVersion": "2.3.0", "consumesFrom": -1, "consumesIndex": 0, "api": "ledger-api", "range": "^1.4.0", "provider": "ledger", "providerVersion": "2.0.0", "providesFrom": 0, "steps": ["ledger"]}]}}}
	f.path == "/spec/steps/0/provides"
	contains(f.message, "Step \"ledger\" stops providing ledger-api")
}

test_range_passes if {
	count(rule.deny) == 0 with input as {"scope": "plan", "plan": {"metadata": {"name": "p"}, "spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0"}]}}, "facts": {"steps": [{"id": "ledger", "tier": 3, "ancestors": []}], "contract": {"states": [{"kind": "during", "step": "ledger", "region": "eu-west-1"}], "violations": [{"kind": "range", "state": 0, "region": "eu-west-1", "consumer": "payments", "consumerVersion": "2.3.0", "consumesFrom": -1, "consumesIndex": 0, "api": "ledger-api", "range": "^1.4.0", "provider": "ledger", "providerVersion": "2.0.0", "contractVersion": "2.0.0", "providesFrom": 0, "providesIndex": 0, "steps": ["ledger"]}]}}}
}
