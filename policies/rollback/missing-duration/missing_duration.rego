# METADATA
# title: Rollback without a duration
# description: >-
#   A step has no `rollback.duration`. Window checks then assume `defaultRollbackDuration` to decide
#   whether rolling back still fits before the plan's end, which may be far from the truth.
# custom:
#   severity: warning
#   parameters:
#     - name: defaultRollbackDuration
#       type: duration
#       default: 30m
#       description: Rollback duration assumed for a step that gives none.
#   examples:
#     fails: |
#       rollback:
#         procedure: https://runbooks.example/payments#rollback
#     passes: |
#       rollback:
#         procedure: https://runbooks.example/payments#rollback
#         duration: 10m
package rollgate.rules.rollback["missing-duration"]

import data.rollgate.lib.util

deny contains finding if {
	util.plan_scope
	some i, step in util.steps
	object.get(step, ["rollback", "duration"], null) == null
	finding := {
		"path": path(i, step),
		"message": sprintf(
			"Step \"%s\" (service \"%s\") does not say how long its rollback takes, so window checks assume %s. If it takes longer, a rollback may run past the plan's end or its window. Measure it when rehearsing and set `rollback.duration`.",
			[step.id, step.service, data.params.defaultRollbackDuration.text],
		),
	}
}

path(i, step) := sprintf("/spec/steps/%d/rollback", [i]) if step.rollback

path(i, step) := util.step_path(i) if not step.rollback
