package rollgate.rules.contract["unsatisfied-range_test"]

import data.rollgate.rules.contract["unsatisfied-range"] as rule

test_range_violation_fires if {
	findings := rule.deny with input as {"scope": "plan", "plan": {"metadata": {"name": "p"}, "spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0"}]}}, "facts": {"steps": [{"id": "ledger", "tier": 3, "ancestors": []}], "contract": {"states": [{"kind": "during", "step": "ledger", "region": "eu-west-1"}], "violations": [{"kind": "range", "state": 0, "region": "eu-west-1", "consumer": "payments", "consumerVersion": "2.3.0", "consumesFrom": -1, "consumesIndex": 0, "api": "ledger-api", "range": "^1.4.0", "provider": "ledger", "providerVersion": "2.0.0", "contractVersion": "2.0.0", "providesFrom": 0, "providesIndex": 0, "steps": ["ledger"]}]}}}
	some f in findings
	f.path == "/spec/steps/0/provides/0"
	startswith(f.message, "While step \"ledger\" is rolling out in eu-west-1, service \"payments\" 2.3.0 needs ledger-api ^1.4.0")
	f.related[0].document == {"kind": "Service", "name": "payments"}
	f.related[0].path == "/spec/consumes/0"
}

test_other_kinds_pass if {
	count(rule.deny) == 0 with input as {"scope": "plan", "plan": {"metadata": {"name": "p"}, "spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0"}]}}, "facts": {"steps": [{"id": "ledger", "tier": 3, "ancestors": []}], "contract": {"states": [{"kind": "during", "step": "ledger", "region": "eu-west-1"}], "violations": [{"kind": "removed", "state": 0, "region": "eu-west-1", "consumer": "payments", "consumerVersion": "2.3.0", "consumesFrom": -1, "consumesIndex": 0, "api": "ledger-api", "range": "^1.4.0", "provider": "ledger", "providerVersion": "2.0.0", "providesFrom": 0, "steps": ["ledger"]}]}}}
}
