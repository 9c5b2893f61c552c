# METADATA
# title: Point of no return before later steps
# description: >-
#   A `contract`-phase or destructive migration runs in a step that other steps are ordered after.
#   Once it has run, those later steps can be rolled back only to the state after it, not to the
#   state before the plan.
# custom:
#   severity: warning
#   examples:
#     fails: |
#       steps:
#         - id: ledger
#           migrations: [{id: drop-old, datastore: ledger-db, phase: contract, runs: after}]
#         - id: payments
#           after: [ledger]
#     passes: |
#       steps:
#         - id: payments
#         - id: ledger
#           after: [payments]
#           migrations: [{id: drop-old, datastore: ledger-db, phase: contract, runs: after}]
package rollgate.rules.rollback["point-of-no-return"]

import data.rollgate.lib.contract
import data.rollgate.lib.util

kind(mig) := "contract-phase" if mig.phase == "contract"

kind(mig) := "destructive" if {
	mig.phase != "contract"
	mig.destructive == true
}

deny contains finding if {
	util.plan_scope
	some i, step in util.steps
	some m, mig in object.get(step, "migrations", [])
	k := kind(mig)
	later := contract.descendants(i)
	count(later) > 0
	finding := {
		"path": sprintf("/spec/steps/%d/migrations/%d", [i, m]),
		"message": sprintf(
			"The %s migration \"%s\" of step \"%s\" is a point of no return for %s, which run after it: once it has run, rolling them back cannot restore %s as it was before the plan. Move it to the last step of the plan (or a later plan), after everything that may need rolling back.",
			[k, mig.id, step.id, util.quoted_list(later), mig.datastore],
		),
	}
}
