package rollgate.rules.rollback["point-of-no-return_test"]

import data.rollgate.rules.rollback["point-of-no-return"] as rule

test_later_step_fires if {
	some f in rule.deny with input as {"scope": "plan", "plan": {"spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0", "migrations": [{"id": "drop", "datastore": "db", "phase": "contract"}]}, {"id": "payments", "service": "payments", "to": "2.4.0"}]}}, "facts": {"steps": [{"id": "ledger", "ancestors": []}, {"id": "payments", "ancestors": ["ledger"]}]}}
	contains(f.message, "\"payments\"")
}

test_unordered_step_passes if {
	count(rule.deny) == 0 with input as {"scope": "plan", "plan": {"spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0", "migrations": [{"id": "drop", "datastore": "db", "phase": "contract"}]}, {"id": "payments", "service": "payments", "to": "2.4.0"}]}}, "facts": {"steps": [{"id": "ledger", "ancestors": []}, {"id": "payments", "ancestors": []}]}}
}
