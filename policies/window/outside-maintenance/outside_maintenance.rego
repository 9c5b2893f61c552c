# METADATA
# title: Outside maintenance windows
# description: >-
#   Part of a step's interval, in a region, lies outside every allow window that applies to that
#   service, region and tier. Only where some allow window applies: elsewhere allow windows do not
#   restrict the step.
# custom:
#   severity: error
#   examples:
#     fails: |
#       # window eu-nightly: every day 22:00 + 4h (until 02:00); the step runs 01:30-02:15
#       start: 2026-03-11T01:30
#     passes: |
#       start: 2026-03-11T01:15        # 01:15-02:00 ends exactly with the window
package rollgate.rules.window["outside-maintenance"]

import data.rollgate.lib.util
import data.rollgate.lib.window

deny contains finding if {
	util.plan_scope
	some s in window.timeline.steps
	some r in s.regions
	count(r.uncovered) > 0
	outside := concat(", ", [u.text | some u in r.uncovered])
	finding := {
		"path": util.step_path(s.index),
		"message": sprintf(
			"%s runs %s%s, but %s of it is outside every maintenance window that applies (%s). Changes outside maintenance windows happen without the agreed staffing and notice. Move the step or the plan start so the whole step fits in a window, or shorten its bakes.",
			[window.step_name(s), r.text, window.in_region(r), outside, concat(", ", r.allowWindows)],
		),
	}
}
