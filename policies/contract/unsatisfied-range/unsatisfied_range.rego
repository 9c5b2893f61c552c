# METADATA
# title: Contract version outside a consumer's range
# description: >-
#   At some state of the plan (while a step rolls out in a region, when it has finished, or while
#   the plan is rolled back in reverse order) a live provider contract version falls outside the
#   range a consumer accepts. During a step both the old and the new version of its service are
#   live, so every consumer must accept both; steps not ordered through `after` may overlap.
# custom:
#   severity: error
#   examples:
#     fails: |
#       # checkout (not in the plan) consumes notifications-api "~1.3.0"
#       steps:
#         - id: notifications
#           service: notifications
#           to: 2.0.0
#           provides: [{api: notifications-api, version: 2.0.0}]
#     passes: |
#       steps:
#         - id: notifications
#           service: notifications
#           to: 1.5.0
#           provides: [{api: notifications-api, version: 1.3.4}]
package rollgate.rules.contract["unsatisfied-range"]

import data.rollgate.lib.contract
import data.rollgate.lib.util

deny contains finding if {
	util.plan_scope
	some v in contract.violations
	v.kind == "range"
	finding := {
		"path": contract.violation_path(v),
		"message": sprintf(
			"%s, %s needs %s %s, but %s%s.%s Its calls to %s would fail in that state. Keep a contract every consumer accepts live until they have moved (expand, then contract), widen the consumer's range in an earlier step, or order the steps so that no consumer meets a version it does not accept.",
			[
				contract.capitalize(contract.state_text(v.state)), contract.consumer_text(v), v.api, v.range,
				contract.provider_text(v), contract.where_text(v), contract.unordered_text(v), v.provider,
			],
		),
		"related": contract.violation_related(v),
	}
}
