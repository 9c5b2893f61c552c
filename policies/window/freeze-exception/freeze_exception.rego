# METADATA
# title: Freeze exception used
# description: >-
#   A step overlaps a freeze, but the freeze has an audited exception for this plan: reported as a
#   note naming who approved it and why, so the exception stays visible.
# custom:
#   severity: note
#   examples:
#     fails: |
#       # spring-freeze has exceptions: [{plan: ledger-2-0, approvedBy: vp-eng, reason: ...}]
#       start: 2026-03-13T22:00
#     passes: |
#       start: 2026-03-16T00:00
package rollgate.rules.window["freeze-exception"]

import data.rollgate.lib.util
import data.rollgate.lib.window

deny contains finding if {
	util.plan_scope
	some s in window.timeline.steps
	some r in s.regions
	some fr in r.freezes
	fr.exception
	finding := {
		"path": util.step_path(s.index),
		"message": sprintf(
			"%s runs %s%s, inside freeze \"%s\" of calendar \"%s\" (%s); allowed by an exception for this plan approved by %s: \"%s\". Keep the approval on record with the change.",
			[window.step_name(s), r.text, window.in_region(r), fr.name, fr.calendar, fr.range, fr.exception.approvedBy, fr.exception.reason],
		),
		"related": [{"document": {"kind": "ChangeCalendar", "name": fr.calendar}, "path": fr.path, "message": sprintf("freeze \"%s\"", [fr.name])}],
	}
}
