# METADATA
# title: Feature flag without a kill switch
# description: >-
#   A flag introduced by a step has no `killSwitch: true`: it cannot be turned off at run time
#   without a deploy, so the fastest way back from a bad feature is a full rollback.
# custom:
#   severity: warning
#   examples:
#     fails: |
#       flags:
#         - {name: ledger-multicurrency, default: false, killSwitch: false}
#     passes: |
#       flags:
#         - {name: ledger-multicurrency, default: false, killSwitch: true}
package rollgate.rules.rollback["flag-without-kill-switch"]

import data.rollgate.lib.util

deny contains finding if {
	util.plan_scope
	some i, step in util.steps
	some f, flag in object.get(step, "flags", [])
	not flag.killSwitch == true
	finding := {
		"path": sprintf("/spec/steps/%d/flags/%d", [i, f]),
		"message": sprintf(
			"Flag \"%s\" introduced by step \"%s\" has no kill switch, so the feature cannot be turned off without a deploy. Make it switchable at run time and set `killSwitch: true`.",
			[flag.name, step.id],
		),
	}
}
