# METADATA
# title: Missing bake time
# description: >-
#   A stage has no `bake`. The stage is not observed before the next one, its gates have no time
#   to evaluate, and window checks count it as taking no time.
# custom:
#   severity: warning
#   examples:
#     fails: |
#       stages:
#         - name: canary
#           traffic: 5
#           gates: [{metric: error_rate, max: 0.01, for: 5m, onNoData: fail}]
#     passes: |
#       stages:
#         - name: canary
#           traffic: 5
#           bake: 30m
#           gates: [{metric: error_rate, max: 0.01, for: 5m, onNoData: fail}]
package rollgate.rules.readiness["missing-bake"]

import data.rollgate.lib.util

deny contains finding if {
	util.plan_scope
	some i, step in util.steps
	some s, stage in object.get(step, "stages", [])
	object.get(stage, "bake", null) == null
	finding := {
		"path": sprintf("/spec/steps/%d/stages/%d", [i, s]),
		"message": sprintf(
			"Stage \"%s\" of step \"%s\" has no bake time, so it is not observed before the next stage starts, its gates have no time to evaluate, and window checks count it as taking no time. Set bake to how long the stage must be watched (e.g. 30m).",
			[object.get(stage, "name", format_int(s, 10)), step.id],
		),
	}
}
