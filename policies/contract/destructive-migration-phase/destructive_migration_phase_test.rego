package rollgate.rules.contract["destructive-migration-phase_test"]

import data.rollgate.rules.contract["destructive-migration-phase"] as rule

test_destructive_migrate_fires if {
	some f in rule.deny with input as {"scope": "plan", "plan": {"spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0", "migrations": [{"id": "m", "datastore": "db", "phase": "migrate", "destructive": true}]}]}}}
	f.path == "/spec/steps/0/migrations/0"
}

test_destructive_contract_passes if {
	count(rule.deny) == 0 with input as {"scope": "plan", "plan": {"spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0", "migrations": [{"id": "m", "datastore": "db", "phase": "contract", "destructive": true}]}]}}}
}
