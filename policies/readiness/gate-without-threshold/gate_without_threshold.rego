# METADATA
# title: Gate without threshold
# description: >-
#   A health gate has neither `max` nor `min`, so it can never fail and protects nothing.
# custom:
#   severity: error
#   examples:
#     fails: |
#       gates:
#         - {metric: error_rate, for: 5m, onNoData: fail}
#     passes: |
#       gates:
#         - {metric: error_rate, max: 0.01, for: 5m, onNoData: fail}
package rollgate.rules.readiness["gate-without-threshold"]

import data.rollgate.lib.util

deny contains finding if {
	util.plan_scope
	some i, step in util.steps
	some s, stage in object.get(step, "stages", [])
	some g, gate in object.get(stage, "gates", [])
	object.get(gate, "max", null) == null
	object.get(gate, "min", null) == null
	finding := {
		"path": sprintf("/spec/steps/%d/stages/%d/gates/%d", [i, s, g]),
		"message": sprintf(
			"Gate %d on metric \"%s\" in stage \"%s\" of step \"%s\" has neither max nor min, so it can never fail and does not protect the rollout. Add a threshold (max and/or min) for the metric.",
			[g, object.get(gate, "metric", "?"), object.get(stage, "name", format_int(s, 10)), step.id],
		),
	}
}
