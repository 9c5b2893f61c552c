package rollgate.rules.contract.downgrade_test

import data.rollgate.rules.contract.downgrade as rule

test_downgrade_fires if {
	some f in rule.deny with input as {"scope": "plan", "plan": {"metadata": {"name": "p"}, "spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0"}]}}, "facts": {"steps": [{"id": "ledger", "tier": 3, "ancestors": []}], "contract": {"versionChanges": [{"step": 0, "from": "1.9.0", "to": "1.8.0", "downgrade": true, "majorBump": false}]}}}
	f.path == "/spec/steps/0/to"
}

test_upgrade_passes if {
	count(rule.deny) == 0 with input as {"scope": "plan", "plan": {"metadata": {"name": "p"}, "spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0"}]}}, "facts": {"steps": [{"id": "ledger", "tier": 3, "ancestors": []}], "contract": {"versionChanges": [{"step": 0, "from": "1.9.0", "to": "1.8.0", "downgrade": false, "majorBump": false}]}}}
}
