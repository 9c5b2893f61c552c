# METADATA
# title: Gate passes on missing data
# description: >-
#   A gate's `onNoData` is absent, `pass` or `ignore`. If the metric stops reporting (often exactly
#   when the new version is broken), the gate lets the rollout continue.
# custom:
#   severity: warning
#   examples:
#     fails: |
#       gates:
#         - {metric: error_rate, max: 0.01, for: 5m, onNoData: pass}
#     passes: |
#       gates:
#         - {metric: error_rate, max: 0.01, for: 5m, onNoData: fail}
package rollgate.rules.readiness["gate-passes-on-no-data"]

import data.rollgate.lib.util

gates contains [i, s, g, step, stage, gate] if {
	util.plan_scope
	some i, step in util.steps
	some s, stage in object.get(step, "stages", [])
	some g, gate in object.get(stage, "gates", [])
}

where(step, stage, s, gate, g) := sprintf("Gate %d on metric \"%s\" in stage \"%s\" of step \"%s\"", [
	g, object.get(gate, "metric", "?"),
	object.get(stage, "name", format_int(s, 10)), step.id,
])

deny contains finding if {
	some [i, s, g, step, stage, gate] in gates
	not "onNoData" in object.keys(gate)
	finding := {
		"path": sprintf("/spec/steps/%d/stages/%d/gates/%d", [i, s, g]),
		"message": sprintf(
			"%s does not set onNoData, so what happens when the metric reports nothing is left to the tool's default. A broken version often stops reporting metrics, and the gate may then pass. Set onNoData: fail.",
			[where(step, stage, s, gate, g)],
		),
	}
}

deny contains finding if {
	some [i, s, g, step, stage, gate] in gates
	gate.onNoData in {"pass", "ignore"}
	finding := {
		"path": sprintf("/spec/steps/%d/stages/%d/gates/%d/onNoData", [i, s, g]),
		"message": sprintf(
			"%s has onNoData: %s, so the rollout continues when the metric reports nothing. A broken version often stops reporting metrics, and this gate would then let it through. Set onNoData: fail.",
			[where(step, stage, s, gate, g), gate.onNoData],
		),
	}
}
