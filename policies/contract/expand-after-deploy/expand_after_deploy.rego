# METADATA
# title: Expand migration after the deploy
# description: >-
#   An `expand` migration runs `after` the deploy of its step. The new version, live during the
#   rollout, needs the expanded schema from its first request, so expansion must run `before`.
# custom:
#   severity: error
#   examples:
#     fails: |
#       migrations:
#         - {id: add-currency, datastore: ledger-db, phase: expand, runs: after}
#     passes: |
#       migrations:
#         - {id: add-currency, datastore: ledger-db, phase: expand, runs: before}
package rollgate.rules.contract["expand-after-deploy"]

import data.rollgate.lib.util

deny contains finding if {
	util.plan_scope
	some i, step in util.steps
	some m, mig in object.get(step, "migrations", [])
	mig.phase == "expand"
	mig.runs == "after"
	finding := {
		"path": sprintf("/spec/steps/%d/migrations/%d", [i, m]),
		"message": sprintf(
			"Expand migration \"%s\" of step \"%s\" runs after the deploy, but the new version of service \"%s\" is live from the first stage and expects the expanded %s. Set `runs: before`.",
			[mig.id, step.id, step.service, mig.datastore],
		),
	}
}
