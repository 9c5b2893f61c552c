# METADATA
# title: No room for a rollback
# description: >-
#   A step's rollout fits, but rolling it back (the plan's rollback budget: the largest
#   `rollback.duration`, `defaultRollbackDuration` for steps without one) would not fit before the
#   plan's `end` or before the end of the allow window the step starts in.
# custom:
#   severity: error
#   parameters:
#     - name: defaultRollbackDuration
#       type: duration
#       default: 30m
#       description: Rollback time assumed for a step without rollback.duration.
#   examples:
#     fails: |
#       start: 2026-03-12T22:00         # rollout 45m, rollback.duration 10m
#       end: 2026-03-12T22:50
#     passes: |
#       end: 2026-03-12T22:55
package rollgate.rules.window["no-rollback-slack"]

import data.rollgate.lib.util
import data.rollgate.lib.window

# Only steps whose rollout fits: a rollout past the limit is window/too-short or
# window/outside-maintenance already.
deny contains finding if {
	util.plan_scope
	end := window.facts.end
	some s in window.timeline.steps
	s.end <= end.epoch
	s.end + window.rollback_seconds > end.epoch
	finding := {
		"path": util.step_path(s.index),
		"message": sprintf(
			"%s runs %s, and a rollback may take %s more (%s), past the plan's end (%s). Without that slack, a failure late in the plan leaves a half-rolled-back system after the agreed end. Move the end later or start earlier.",
			[window.step_name(s), s.text, util.duration(window.rollback_seconds), budget_source, end.text],
		),
	}
}

deny contains finding if {
	util.plan_scope
	some s in window.timeline.steps
	some r in s.regions
	w := r.startWindow
	r.end <= w.end.epoch
	r.end + window.rollback_seconds > w.end.epoch
	finding := {
		"path": util.step_path(s.index),
		"message": sprintf(
			"%s runs %s%s in window \"%s\", which ends at %s: a rollback may take %s more (%s) and would not fit in the window. Start the step earlier so rollout and rollback both fit.",
			[window.step_name(s), r.text, window.in_region(r), w.name, w.end.text, util.duration(window.rollback_seconds), budget_source],
		),
	}
}

budget_source := "the largest rollback.duration" if {
	count(window.timeline.rollback.missing) == 0
} else := sprintf("defaultRollbackDuration %s for steps without rollback.duration", [data.params.defaultRollbackDuration.text])
