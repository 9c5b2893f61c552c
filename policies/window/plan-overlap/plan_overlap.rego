# METADATA
# title: Overlapping plans
# description: >-
#   Another plan changes the same service, or a direct dependency or dependent of it, at an
#   overlapping time. Two changes at once on connected services make failures hard to attribute and
#   rollbacks hard to order.
# custom:
#   severity: error
#   examples:
#     fails: |
#       # plan ledger-2-0 changes ledger 22:00-22:45; plan web-3 changes web (depends on ledger) from 22:30
#     passes: |
#       # web-3 starts at 22:45, when ledger-2-0 has finished
package rollgate.rules.window["plan-overlap"]

import data.rollgate.lib.util
import data.rollgate.lib.window

deny contains finding if {
	util.plan_scope
	some o in window.timeline.overlaps
	s := window.timeline.steps[o.step]
	finding := {
		"path": util.step_path(o.step),
		"message": sprintf(
			"%s overlaps %s with step \"%s\" of plan \"%s\", which changes %s (%s) %s. Two changes at once on connected services make failures hard to attribute and rollbacks hard to order. Schedule one plan after the other.",
			[window.step_name(s), o.overlap.text, o.otherStep, o.otherPlan, relation(o), o.otherService, o.otherRange],
		),
		"related": [{"document": {"kind": "RolloutPlan", "name": o.otherPlan}, "path": "/spec/start", "message": sprintf("plan \"%s\"", [o.otherPlan])}],
	}
}

relation(o) := "the same service" if o.relation == "same service"

relation(o) := sprintf("a direct %s", [o.relation]) if o.relation != "same service"
