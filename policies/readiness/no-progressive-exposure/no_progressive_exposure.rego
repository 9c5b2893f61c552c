# METADATA
# title: No progressive exposure
# description: >-
#   A tier-1 step uses the `recreate` strategy, has no stages, or its first stage exposes more than
#   `maxFirstStageTraffic` percent of traffic. A bad version then reaches most users before any
#   gate can stop it.
# custom:
#   severity: error
#   parameters:
#     - name: maxFirstStageTraffic
#       type: integer
#       default: 10
#       description: Largest traffic percentage the first stage of a tier-1 step may expose.
#   examples:
#     fails: |
#       # payments is tier 1
#       - id: payments
#         strategy: canary
#         stages:
#           - {name: half, traffic: 50, bake: 30m}
#     passes: |
#       - id: payments
#         strategy: canary
#         stages:
#           - {name: canary, traffic: 5, bake: 30m}
#           - {name: full, traffic: 100, bake: 15m}
package rollgate.rules.readiness["no-progressive-exposure"]

import data.rollgate.lib.util

tier1_steps contains [i, step] if {
	util.plan_scope
	some i, step in util.steps
	util.known_service(step.service)
	util.step_tier(i) == 1
}

deny contains finding if {
	some [i, step] in tier1_steps
	step.strategy == "recreate"
	finding := {
		"path": sprintf("/spec/steps/%d/strategy", [i]),
		"message": sprintf(
			"Step \"%s\" rolls out tier-1 service \"%s\" with strategy recreate, which replaces every instance at once: all users get the new version before any gate can stop it. Use canary, blueGreen or rolling with a small first stage.",
			[step.id, step.service],
		),
	}
}

deny contains finding if {
	some [i, step] in tier1_steps
	count(object.get(step, "stages", [])) == 0
	finding := {
		"path": sprintf("/spec/steps/%d", [i]),
		"message": sprintf(
			"Step \"%s\" rolls out tier-1 service \"%s\" without stages, so all traffic moves to the new version at once and no gate can stop a bad release first. Add stages, starting with at most %v%% of traffic.",
			[step.id, step.service, data.params.maxFirstStageTraffic],
		),
	}
}

deny contains finding if {
	some [i, step] in tier1_steps
	first := step.stages[0]
	first.traffic > data.params.maxFirstStageTraffic
	finding := {
		"path": sprintf("/spec/steps/%d/stages/0/traffic", [i]),
		"message": sprintf(
			"The first stage of step \"%s\" sends %v%% of traffic to the new version of tier-1 service \"%s\" (maxFirstStageTraffic is %v%%). A bad version would hit that many users before any gate reacts. Start with a smaller canary stage of at most %v%%.",
			[step.id, first.traffic, step.service, data.params.maxFirstStageTraffic, data.params.maxFirstStageTraffic],
		),
	}
}
