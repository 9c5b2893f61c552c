# METADATA
# title: Missing on-call
# description: >-
#   Neither the plan (`spec.readiness.oncall`) nor the Service changed by a step names an on-call rotation, so
#   nobody is known to page when the change misbehaves.
# custom:
#   severity: warning
#   examples:
#     fails: |
#       readiness: {}
#       steps:
#         - {id: payments, service: payments, to: 2.4.0}   # Service payments has no oncall
#     passes: |
#       readiness:
#         oncall: payments-primary
#       steps:
#         - {id: payments, service: payments, to: 2.4.0}
package rollgate.rules.readiness["missing-oncall"]

import data.rollgate.lib.util

plan_has if util.has_value(object.get(util.plan_spec, "readiness", {}), "oncall")

deny contains finding if {
	util.plan_scope
	not plan_has
	some i, step in util.steps
	util.known_service(step.service)
	not util.has_value(util.service_spec(step.service), "oncall")
	finding := {
		"path": sprintf("/spec/steps/%d/service", [i]),
		"message": sprintf(
			"Step \"%s\" changes service \"%s\", but neither plan \"%s\" nor the Service names an on-call rotation, so nobody is known to page when the change misbehaves. Name the on-call rotation in spec.readiness.oncall of the plan or in the Service's spec.oncall.",
			[step.id, step.service, util.plan_name],
		),
	}
}
