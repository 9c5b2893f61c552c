# METADATA
# title: Irreversible migration without a backup
# description: >-
#   A migration is not `reversible`, has no `down` script, and no restore-verified backup of its
#   datastore is recorded before the plan starts. Rolling the step back then cannot bring the data
#   back. (How recent the backup must be is readiness/missing-backup's concern.)
# custom:
#   severity: error
#   examples:
#     fails: |
#       readiness: {backups: []}
#       migrations:
#         - {id: backfill, datastore: ledger-db, phase: migrate, reversible: false}
#     passes: |
#       readiness:
#         backups: [{datastore: ledger-db, verifiedAt: 2026-12-01T06:00Z}]
#       migrations:
#         - {id: backfill, datastore: ledger-db, phase: migrate, reversible: false}
package rollgate.rules.rollback["irreversible-migration"]

import data.rollgate.lib.util

reversible(mig) if mig.reversible == true

reversible(mig) if util.has_value(mig, "down")

# A backup verified before the start (any age); without a start, any recorded verification.
backed_up(datastore) if {
	some b in object.get(input, ["facts", "backups"], [])
	b.datastore == datastore
	b.ageSeconds >= 0
}

backed_up(datastore) if {
	not input.facts.start
	some b in object.get(util.plan_spec, ["readiness", "backups"], [])
	b.datastore == datastore
	b.verifiedAt
}

deny contains finding if {
	util.plan_scope
	some i, step in util.steps
	some m, mig in object.get(step, "migrations", [])
	not reversible(mig)
	not backed_up(mig.datastore)
	finding := {
		"path": sprintf("/spec/steps/%d/migrations/%d", [i, m]),
		"message": sprintf(
			"Migration \"%s\" of step \"%s\" cannot be undone (not reversible, no `down` script) and no verified backup of %s is recorded before the plan starts. Rolling the step back would leave %s changed with no way to restore it. Write a down migration, or take and restore-verify a backup of %s and record it in spec.readiness.backups.",
			[mig.id, step.id, mig.datastore, mig.datastore, mig.datastore],
		),
	}
}
