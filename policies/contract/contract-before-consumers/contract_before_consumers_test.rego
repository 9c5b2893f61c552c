package rollgate.rules.contract["contract-before-consumers_test"]

import data.rollgate.rules.contract["contract-before-consumers"] as rule

test_waiting_steps_fire if {
	some f in rule.deny with input as {"scope": "plan", "plan": {"spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0", "migrations": [{"id": "drop", "datastore": "db", "phase": "contract"}]}]}}, "facts": {"contract": {"contractMigrations": [{"step": 0, "index": 0, "datastore": "db", "waiting": ["payments"]}]}}}
	contains(f.message, "\"payments\"")
}

test_nothing_waiting_passes if {
	count(rule.deny) == 0 with input as {"scope": "plan", "plan": {"spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0", "migrations": [{"id": "drop", "datastore": "db", "phase": "contract"}]}]}}, "facts": {"contract": {"contractMigrations": [{"step": 0, "index": 0, "datastore": "db", "waiting": []}]}}}
}
