package rollgate.rules.rollback["irreversible-migration_test"]

import data.rollgate.rules.rollback["irreversible-migration"] as rule

test_no_backup_fires if {
	count(rule.deny) == 1 with input as {"scope": "plan", "plan": {"spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0", "migrations": [{"id": "backfill", "datastore": "db", "reversible": false}]}]}}, "facts": {"start": {"epoch": 100000}, "backups": []}}
}

test_backup_after_start_fires if {
	count(rule.deny) == 1 with input as {"scope": "plan", "plan": {"spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0", "migrations": [{"id": "backfill", "datastore": "db", "reversible": false}]}]}}, "facts": {"start": {"epoch": 100000}, "backups": [{"datastore": "db", "ageSeconds": -60}]}}
}

test_verified_backup_passes if {
	count(rule.deny) == 0 with input as {"scope": "plan", "plan": {"spec": {"steps": [{"id": "ledger", "service": "ledger", "to": "2.0.0", "migrations": [{"id": "backfill", "datastore": "db", "reversible": false}]}]}}, "facts": {"start": {"epoch": 100000}, "backups": [{"datastore": "db", "ageSeconds": 600000}]}}
}
