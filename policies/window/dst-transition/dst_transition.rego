# METADATA
# title: Step across a DST change
# description: >-
#   A step's interval spans a daylight-saving change in the time zone of the plan or of a window
#   or freeze that governs it. Wall-clock times in runbooks, dashboards and hand-overs jump by an
#   hour in the middle of the step.
# custom:
#   severity: warning
#   examples:
#     fails: |
#       timeZone: Europe/Berlin
#       start: 2026-03-29T01:30     # 45m step across 02:00 CET -> 03:00 CEST
#     passes: |
#       start: 2026-03-29T01:00     # ends 01:45, before the change
package rollgate.rules.window["dst-transition"]

import data.rollgate.lib.util
import data.rollgate.lib.window

deny contains finding if {
	util.plan_scope
	some s in window.timeline.steps
	some r in s.regions
	some d in r.dst
	finding := {
		"path": util.step_path(s.index),
		"message": sprintf(
			"%s runs %s%s, across a daylight-saving change in %s, the zone of %s: %s. Wall-clock times in the runbook and dashboards jump mid-step. Move the step off the change, or run it by UTC times.",
			[window.step_name(s), r.text, window.in_region(r), d.zone, d.governedBy, d.at],
		),
	}
}
