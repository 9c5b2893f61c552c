package rollgate.rules.contract["expand-after-deploy_test"]

import data.rollgate.rules.contract["expand-after-deploy"] as rule

test_expand_after_fires if {
	count(rule.deny) == 1 with input as {"scope": "plan", "plan": {"spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0", "migrations": [{"id": "m", "datastore": "db", "phase": "expand", "runs": "after"}]}]}}}
}

test_expand_before_passes if {
	count(rule.deny) == 0 with input as {"scope": "plan", "plan": {"spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0", "migrations": [{"id": "m", "datastore": "db", "phase": "expand", "runs": "before"}]}]}}}
}
