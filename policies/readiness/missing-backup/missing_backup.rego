# METADATA
# title: Missing backup
# description: >-
#   A step migrates a datastore that has no backup verified within `maxBackupAge` before the plan
#   starts. If the migration goes wrong there is nothing recent to restore.
# custom:
#   severity: error
#   parameters:
#     - name: maxBackupAge
#       type: duration
#       default: 24h
#       description: Largest age, at the plan's start, of a restore-verified backup of a migrated datastore.
#   examples:
#     fails: |
#       start: 2026-03-10T22:00Z
#       readiness:
#         backups: []
#       steps:
#         - id: ledger
#           migrations: [{id: add-currency, datastore: ledger-db, phase: expand, runs: before}]
#     passes: |
#       start: 2026-03-10T22:00Z
#       readiness:
#         backups:
#           - {datastore: ledger-db, verifiedAt: 2026-03-10T20:00Z}
#       steps:
#         - id: ledger
#           migrations: [{id: add-currency, datastore: ledger-db, phase: expand, runs: before}]
package rollgate.rules.readiness["missing-backup"]

import data.rollgate.lib.util

max_age := data.params.maxBackupAge

backups := object.get(input, ["facts", "backups"], [])

# With a computable start, a backup must be verified within maxBackupAge before it.
fresh(datastore) if {
	input.facts.start
	some b in backups
	b.datastore == datastore
	b.ageSeconds >= 0
	b.ageSeconds <= max_age.seconds
}

# Without a start, any recorded backup counts (the missing start is reported elsewhere).
fresh(datastore) if {
	not input.facts.start
	some b in object.get(util.plan_spec, ["readiness", "backups"], [])
	b.datastore == datastore
}

detail(datastore) := sprintf(" The newest recorded backup was verified %s before the start, more than maxBackupAge (%s).", [util.duration(newest), max_age.text]) if {
	ages := [b.ageSeconds | some b in backups; b.datastore == datastore; b.ageSeconds >= 0]
	count(ages) > 0
	newest := min(ages)
} else := " Its only recorded backup is verified after the plan starts." if {
	some b in backups
	b.datastore == datastore
} else := " No backup of it is recorded."

deny contains finding if {
	util.plan_scope
	some i, step in util.steps
	some m, mig in object.get(step, "migrations", [])
	not fresh(mig.datastore)
	finding := {
		"path": sprintf("/spec/steps/%d/migrations/%d/datastore", [i, m]),
		"message": sprintf(
			"Step \"%s\" runs migration \"%s\" on datastore \"%s\" without a backup verified within %s before the plan starts.%s If the migration corrupts or loses data there is nothing recent to restore. Take a backup, verify a restore, and record it under spec.readiness.backups.",
			[step.id, mig.id, mig.datastore, max_age.text, detail(mig.datastore)],
		),
	}
}
