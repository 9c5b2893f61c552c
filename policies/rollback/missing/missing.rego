# METADATA
# title: Step without a rollback
# description: >-
#   A step has no way back: no automatic rollback with triggers, no `procedure` and no `steps`.
#   When it goes wrong, people improvise under pressure.
# custom:
#   severity: error
#   examples:
#     fails: |
#       steps:
#         - id: notifications
#           service: notifications
#           to: 1.4.3
#     passes: |
#       steps:
#         - id: notifications
#           service: notifications
#           to: 1.4.3
#           rollback:
#             procedure: https://runbooks.example/notifications#rollback
package rollgate.rules.rollback.missing

import data.rollgate.lib.util

has_rollback(rb) if {
	rb.automatic == true
	count(object.get(rb, "triggers", [])) > 0
}

has_rollback(rb) if util.has_value(rb, "procedure")

has_rollback(rb) if util.has_value(rb, "steps")

deny contains finding if {
	util.plan_scope
	some i, step in util.steps
	not has_rollback(object.get(step, "rollback", {}))
	finding := {
		"path": path(i, step),
		"message": sprintf(
			"Step \"%s\" (service \"%s\" to %s) has no rollback: no automatic rollback with triggers, no procedure and no steps. If it fails, nobody knows how to get back to %s. Add `rollback` with a procedure or steps, and automatic triggers.",
			[step.id, step.service, step.to, from_text(i)],
		),
	}
}

path(i, step) := sprintf("/spec/steps/%d/rollback", [i]) if step.rollback

path(i, step) := util.step_path(i) if not step.rollback

from_text(i) := util.fact_steps[i].from

from_text(i) := "the version running now" if not util.fact_steps[i].from
