# METADATA
# title: No automatic rollback trigger
# description: >-
#   A step has no automatic rollback (`automatic: true`) with a trigger that has a threshold (`max`
#   or `min`). A bad release then keeps serving until a human notices. An error for steps on tier-1
#   services, a warning otherwise.
# custom:
#   severity: error
#   examples:
#     fails: |
#       rollback:
#         automatic: false
#         procedure: https://runbooks.example/ledger#rollback
#     passes: |
#       rollback:
#         automatic: true
#         triggers: [{metric: error_rate, max: 0.02, for: 5m}]
package rollgate.rules.rollback["no-automatic-trigger"]

import data.rollgate.lib.util

automatic(rb) if {
	rb.automatic == true
	some t in object.get(rb, "triggers", [])
	threshold(t)
}

threshold(t) if is_number(t.max)

threshold(t) if is_number(t.min)

severity(i) := "error" if util.step_tier(i) == 1

severity(i) := "warning" if util.step_tier(i) != 1

reason(rb) := "it has no rollback section" if count(rb) == 0

reason(rb) := "`automatic` is not true" if {
	count(rb) > 0
	not rb.automatic == true
}

reason(rb) := "none of its triggers has a `max` or `min` threshold" if rb.automatic == true

deny contains finding if {
	util.plan_scope
	some i, step in util.steps
	rb := object.get(step, "rollback", {})
	not automatic(rb)
	finding := {
		"path": path(i, step),
		"severity": severity(i),
		"message": sprintf(
			"Step \"%s\" (service \"%s\", tier %d) has no automatic rollback trigger: %s. A bad release keeps serving until someone notices and acts. Set `automatic: true` with triggers on the metrics its gates watch, each with a `max` or `min`.",
			[step.id, step.service, util.step_tier(i), reason(rb)],
		),
	}
}

path(i, step) := sprintf("/spec/steps/%d/rollback/automatic", [i]) if "automatic" in object.keys(object.get(step, "rollback", {}))

path(i, step) := sprintf("/spec/steps/%d/rollback", [i]) if {
	step.rollback
	not "automatic" in object.keys(step.rollback)
}

path(i, step) := util.step_path(i) if not step.rollback
