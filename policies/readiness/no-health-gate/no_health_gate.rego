# METADATA
# title: No health gate
# description: >-
#   A stage that exposes less than 100 percent of traffic has no gates. Nothing checks the new
#   version's health before exposure grows, so the stage gives no protection.
# custom:
#   severity: error
#   examples:
#     fails: |
#       stages:
#         - {name: canary, traffic: 5, bake: 30m}
#     passes: |
#       stages:
#         - name: canary
#           traffic: 5
#           bake: 30m
#           gates:
#             - {metric: error_rate, max: 0.01, for: 5m, onNoData: fail}
package rollgate.rules.readiness["no-health-gate"]

import data.rollgate.lib.util

stage_path(i, s, stage) := sprintf("/spec/steps/%d/stages/%d/gates", [i, s]) if "gates" in object.keys(stage)

else := sprintf("/spec/steps/%d/stages/%d", [i, s])

deny contains finding if {
	util.plan_scope
	some i, step in util.steps
	some s, stage in object.get(step, "stages", [])
	stage.traffic < 100
	count(object.get(stage, "gates", [])) == 0
	finding := {
		"path": stage_path(i, s, stage),
		"message": sprintf(
			"Stage \"%s\" of step \"%s\" sends %v%% of traffic to the new version but has no health gates. Nothing checks the new version before exposure grows, so a bad release moves on to the next stage unchecked. Add gates (e.g. error rate and latency with max thresholds and onNoData: fail).",
			[object.get(stage, "name", format_int(s, 10)), step.id, stage.traffic],
		),
	}
}
