package rollgate.rules.readiness["missing-backup_test"]

import data.rollgate.rules.readiness["missing-backup"] as rule

params := {"maxBackupAge": {"seconds": 86400, "text": "24h"}}

plan(backups) := {
	"scope": "plan",
	"plan": {"metadata": {"name": "p"}, "spec": {"steps": [{
		"id": "ledger", "service": "ledger", "to": "2.0.0",
		"migrations": [{"id": "add-currency", "datastore": "ledger-db", "phase": "expand", "runs": "before"}],
	}]}},
	"facts": {"start": {"epoch": 100000}, "backups": backups},
}

test_no_backup_fires if {
	findings := rule.deny with input as plan([]) with data.params as params
	{f.path | some f in findings} == {"/spec/steps/0/migrations/0/datastore"}
}

test_old_backup_fires if {
	findings := rule.deny with input as plan([{"index": 0, "datastore": "ledger-db", "ageSeconds": 90000}]) with data.params as params
	some f in findings
	contains(f.message, "1d 1h")
}

test_backup_of_other_datastore_fires if {
	count(rule.deny) == 1 with input as plan([{"index": 0, "datastore": "payments-db", "ageSeconds": 60}]) with data.params as params
}

test_fresh_backup_passes if {
	count(rule.deny) == 0 with input as plan([{"index": 0, "datastore": "ledger-db", "ageSeconds": 7200}]) with data.params as params
}
