# METADATA
# title: Plan too short
# description: >-
#   The rollout timeline (the longest path through the step DAG, with migrations and bakes) does
#   not fit before the plan's `end`.
# custom:
#   severity: error
#   examples:
#     fails: |
#       start: 2026-03-12T22:00
#       end: 2026-03-12T22:30        # the steps take 45m
#     passes: |
#       end: 2026-03-12T22:45
package rollgate.rules.window["too-short"]

import data.rollgate.lib.util
import data.rollgate.lib.window

deny contains finding if {
	util.plan_scope
	end := window.facts.end
	window.timeline.rolloutEnd.epoch > end.epoch
	finding := {
		"path": "/spec/end",
		"message": sprintf(
			"The rollout takes %s and finishes at %s, %s after the plan's end (%s). The plan would overrun before it is even complete. Move the end later, start earlier, or split the plan.",
			[util.duration(window.timeline.rolloutSeconds), window.timeline.rolloutEnd.text, util.duration(window.timeline.rolloutEnd.epoch - end.epoch), end.text],
		),
	}
}
