# METADATA
# title: Missing runbook
# description: >-
#   Neither the plan (`spec.readiness.runbook`) nor the Service changed by a step names a runbook, so
#   responders have no documented procedure when the change misbehaves.
# custom:
#   severity: warning
#   examples:
#     fails: |
#       readiness: {}
#       steps:
#         - {id: payments, service: payments, to: 2.4.0}   # Service payments has no runbook
#     passes: |
#       readiness:
#         runbook: https://runbooks.example/payments
#       steps:
#         - {id: payments, service: payments, to: 2.4.0}
package rollgate.rules.readiness["missing-runbook"]

import data.rollgate.lib.util

plan_has if util.has_value(object.get(util.plan_spec, "readiness", {}), "runbook")

deny contains finding if {
	util.plan_scope
	not plan_has
	some i, step in util.steps
	util.known_service(step.service)
	not util.has_value(util.service_spec(step.service), "runbook")
	finding := {
		"path": sprintf("/spec/steps/%d/service", [i]),
		"message": sprintf(
			"Step \"%s\" changes service \"%s\", but neither plan \"%s\" nor the Service names a runbook, so responders have no documented procedure when the change misbehaves. Link a runbook in spec.readiness.runbook of the plan or in the Service's spec.runbook.",
			[step.id, step.service, util.plan_name],
		),
	}
}
