package rollgate.rules.rollback["flag-without-kill-switch_test"]

import data.rollgate.rules.rollback["flag-without-kill-switch"] as rule

test_no_kill_switch_fires if {
	some f in rule.deny with input as {"scope": "plan", "plan": {"spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0", "flags": [{"name": "f", "killSwitch": false}]}]}}, "facts": {"steps": [{"id": "ledger", "tier": 3, "from": "1.9.0"}], "rollback": {}}}
	f.path == "/spec/steps/0/flags/0"
}

test_kill_switch_passes if {
	count(rule.deny) == 0 with input as {"scope": "plan", "plan": {"spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0", "flags": [{"name": "f", "killSwitch": true}]}]}}, "facts": {"steps": [{"id": "ledger", "tier": 3, "from": "1.9.0"}], "rollback": {}}}
}
