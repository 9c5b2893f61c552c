# METADATA
# title: Contract migration before every user has moved
# description: >-
#   A `contract`-phase migration runs before every step of the services using that datastore (owning
#   it in `datastores`, or migrating it) has finished, including its own step when it runs
#   `before` the deploy. Those versions still read the shape the migration removes.
# custom:
#   severity: error
#   examples:
#     fails: |
#       steps:
#         - id: ledger
#           migrations: [{id: drop-old, datastore: ledger-db, phase: contract, runs: before}]
#     passes: |
#       steps:
#         - id: ledger
#           migrations: [{id: drop-old, datastore: ledger-db, phase: contract, runs: after}]
package rollgate.rules.contract["contract-before-consumers"]

import data.rollgate.lib.util

deny contains finding if {
	util.plan_scope
	some c in object.get(input, ["facts", "contract", "contractMigrations"], [])
	count(c.waiting) > 0
	step := util.steps[c.step]
	mig := step.migrations[c.index]
	finding := {
		"path": sprintf("/spec/steps/%d/migrations/%d", [c.step, c.index]),
		"message": sprintf(
			"Contract migration \"%s\" of step \"%s\" changes %s before step(s) %s, which roll out a service using it, have finished. Their old versions still read what the migration removes. Run it `after` the deploy, in a step ordered after %s, or in a later plan.",
			[mig.id, step.id, c.datastore, util.quoted_list(c.waiting), util.quoted_list(c.waiting)],
		),
	}
}
