# METADATA
# title: No overrun policy
# description: >-
#   A plan with an `end` does not say (`overrun: abort | pause | continue`) what happens when it
#   runs past that end, so the people on shift will decide under pressure.
# custom:
#   severity: warning
#   examples:
#     fails: |
#       end: 2026-03-13T02:00
#     passes: |
#       end: 2026-03-13T02:00
#       overrun: abort
package rollgate.rules.window["missing-overrun-policy"]

import data.rollgate.lib.util

deny contains finding if {
	util.plan_scope
	util.has_value(util.plan_spec, "end")
	not util.has_value(util.plan_spec, "overrun")
	finding := {
		"path": "/spec/end",
		"message": sprintf(
			"The plan ends at %s but does not say what happens if it runs past that (overrun). Without it, the people on shift decide under pressure. Add overrun: abort, pause or continue.",
			[util.plan_spec.end],
		),
	}
}
