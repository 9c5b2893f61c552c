# METADATA
# title: Destructive migration outside the contract phase
# description: >-
#   A migration with `destructive: true` (drops or rewrites data) is not in phase `contract`. In
#   expand/migrate/contract, only the contract phase, once no version reads the old shape, may
#   destroy data; earlier, the old version still live during the rollout breaks.
# custom:
#   severity: error
#   examples:
#     fails: |
#       migrations:
#         - {id: price-to-decimal, datastore: catalog-db, phase: migrate, destructive: true}
#     passes: |
#       migrations:
#         - {id: drop-old-price, datastore: catalog-db, phase: contract, destructive: true}
package rollgate.rules.contract["destructive-migration-phase"]

import data.rollgate.lib.util

deny contains finding if {
	util.plan_scope
	some i, step in util.steps
	some m, mig in object.get(step, "migrations", [])
	mig.destructive == true
	phase := object.get(mig, "phase", "(none)")
	phase != "contract"
	finding := {
		"path": sprintf("/spec/steps/%d/migrations/%d", [i, m]),
		"message": sprintf(
			"Migration \"%s\" of step \"%s\" is destructive but runs in phase \"%s\". While the step rolls out (and after a rollback) the old version still reads %s in its old shape. Add the new shape in an expand migration, move data in a migrate one, and destroy the old shape in a contract-phase migration once every version using it is gone.",
			[mig.id, step.id, phase, mig.datastore],
		),
	}
}
