# METADATA
# title: Freeze conflict
# description: >-
#   A step's interval intersects a freeze whose scope matches, and the freeze has no exception for
#   this plan (deny beats allow). Also fires when the rollback budget after the rollout would run
#   into a freeze with `allowRollback: false`.
# custom:
#   severity: error
#   examples:
#     fails: |
#       # freeze spring-freeze: 2026-03-13T00:00 to 2026-03-16T00:00 Europe/Berlin, tier 1
#       start: 2026-03-13T22:00
#     passes: |
#       start: 2026-03-16T00:00      # the freeze ends exactly when the step starts
package rollgate.rules.window["freeze-conflict"]

import data.rollgate.lib.util
import data.rollgate.lib.window

deny contains finding if {
	util.plan_scope
	some s in window.timeline.steps
	some r in s.regions
	some fr in r.freezes
	not fr.exception
	finding := {
		"path": util.step_path(s.index),
		"message": sprintf(
			"%s runs %s%s, inside freeze \"%s\" of calendar \"%s\" (%s)%s. A freeze beats every maintenance window. Move the plan out of the freeze, or ask for an exception for plan \"%s\" in the freeze's exceptions.",
			[window.step_name(s), r.text, window.in_region(r), fr.name, fr.calendar, fr.range, reason(fr), util.plan_name],
		),
		"related": [{"document": {"kind": "ChangeCalendar", "name": fr.calendar}, "path": fr.path, "message": sprintf("freeze \"%s\"", [fr.name])}],
	}
}

deny contains finding if {
	util.plan_scope
	some fr in window.timeline.rollbackFreezes
	end := window.timeline.rolloutEnd.epoch + window.rollback_seconds
	fr.start < end
	window.timeline.rolloutEnd.epoch < fr.end
	finding := {
		"path": rollback_path,
		"message": sprintf(
			"A rollback right after the rollout (which ends at %s) may take %s and would run into freeze \"%s\" of calendar \"%s\" (%s), which says allowRollback: false. Finish earlier, or agree with the freeze owners how a rollback would be done.",
			[window.timeline.rolloutEnd.text, util.duration(window.rollback_seconds), fr.name, fr.calendar, fr.range],
		),
	}
}

rollback_path := "/spec/end" if util.has_value(util.plan_spec, "end")

else := "/spec/start"

reason(fr) := sprintf(": %s", [fr.reason]) if fr.reason

else := ""
