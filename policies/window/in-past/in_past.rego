# METADATA
# title: Plan starts in the past
# description: >-
#   The plan starts before the evaluation time (`--now`): either it already ran, or its dates are
#   stale and every window check was made against the wrong night.
# custom:
#   severity: warning
#   examples:
#     fails: |
#       start: 2026-03-09T22:00     # --now 2026-03-10T12:00Z
#     passes: |
#       start: 2026-03-10T22:00
package rollgate.rules.window["in-past"]

import data.rollgate.lib.util
import data.rollgate.lib.window

deny contains finding if {
	util.plan_scope
	start := window.facts.start
	start.epoch < input.now.epoch
	finding := {
		"path": "/spec/start",
		"message": sprintf(
			"The plan starts at %s, %s before now (%s). If it has not run yet, its windows, approvals and freezes were checked for the wrong time: update start and end.",
			[start.text, util.duration(input.now.epoch - start.epoch), input.now.iso],
		),
	}
}
