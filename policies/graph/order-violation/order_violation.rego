# METADATA
# title: Consumer step not ordered after its provider
# description: >-
#   A step's new version needs an API contract that only another step of the plan delivers, but the
#   step is not ordered after that step (directly or transitively through `after`). If it runs
#   first, it calls a contract that does not exist yet.
# custom:
#   severity: error
#   examples:
#     fails: |
#       steps:
#         - id: web
#           service: web
#           to: 3.0.0
#           after: []
#           consumes: [{api: auth-api, versions: "^3.0.0"}]
#         - id: auth
#           service: auth
#           to: 3.0.0
#           after: []
#           provides: [{api: auth-api, version: 3.0.0}]
#     passes: |
#       steps:
#         - id: auth
#           service: auth
#           to: 3.0.0
#           provides: [{api: auth-api, version: 3.0.0}]
#         - id: web
#           service: web
#           to: 3.0.0
#           after: [auth]
#           consumes: [{api: auth-api, versions: "^3.0.0"}]
package rollgate.rules.graph["order-violation"]

import data.rollgate.lib.util

step_index(id) := i if {
	some i, s in util.steps
	s.id == id
}

has_after(i) if "after" in object.keys(util.steps[i])

# The fix is in `after`; without one, point at the need that is not met.
fix_path(i, _) := sprintf("/spec/steps/%d/after", [i]) if has_after(i)

fix_path(i, need) := sprintf("/spec/steps/%d/consumes/%d", [i, need.index]) if {
	not has_after(i)
	need.declared == "step"
}

fix_path(i, need) := util.step_path(i) if {
	not has_after(i)
	need.declared != "step"
}

deny contains finding if {
	util.plan_scope
	some i, fact in util.fact_steps
	some need in fact.needs
	need.providerStep
	need.providerStep != fact.id
	need.satisfiedNow == false
	need.satisfiedByStep == true
	not need.providerStep in object.get(fact, "ancestors", [])
	p := step_index(need.providerStep)
	finding := {
		"path": fix_path(i, need),
		"message": sprintf(
			"Step \"%s\" needs %s %s, which only step \"%s\" delivers (version %s; service \"%s\" provides %s today), but \"%s\" is not ordered after \"%s\". If it runs first, service \"%s\" calls a contract that does not exist yet. Add \"%s\" to the `after` list of step \"%s\".",
			[
				fact.id, need.api, need.range, need.providerStep,
				object.get(need, "delivered", "?"), object.get(need, "provider", "?"),
				object.get(need, "current", "?"), fact.id, need.providerStep,
				fact.service, need.providerStep, fact.id,
			],
		),
		"related": [{
			"path": util.step_path(p),
			"message": sprintf("step \"%s\" delivers %s %s", [need.providerStep, need.api, object.get(need, "delivered", "")]),
		}],
	}
}
