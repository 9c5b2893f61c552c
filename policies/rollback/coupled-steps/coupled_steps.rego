# METADATA
# title: Rollback coupled with later steps
# description: >-
#   Rolling back one step on its own, after later steps finished, would leave a consumer outside its
#   accepted range (or without an API it needs) because of a version a later step rolled out. That
#   step must be rolled back first: the rollbacks are coupled.
# custom:
#   severity: warning
#   examples:
#     fails: |
#       steps:
#         - id: ledger
#           provides: [{api: ledger-api, version: 1.7.0}]
#         - id: payments
#           after: [ledger]
#           consumes: [{api: ledger-api, versions: "^1.7.0"}]
#     passes: |
#       steps:
#         - id: ledger
#           provides: [{api: ledger-api, version: 1.7.0}]
#         - id: payments
#           after: [ledger]
#           consumes: [{api: ledger-api, versions: "^1.4.0"}]
package rollgate.rules.rollback["coupled-steps"]

import data.rollgate.lib.contract
import data.rollgate.lib.util

deny contains finding if {
	util.plan_scope
	some v in object.get(contract.facts, "coupled", [])
	step := util.steps[v.rolledBack]
	finding := {
		"path": sprintf("/spec/steps/%d/rollback", [v.rolledBack]),
		"message": sprintf(
			"Rolling back step \"%s\" on its own after %s finished breaks a contract: %s needs %s %s, but %s%s. Roll back %s first, and write that order into the rollback procedure of step \"%s\".",
			[
				step.id, util.quoted_list(v.first), contract.consumer_text(v), v.api, v.range,
				contract.provider_text(v), where(v), util.quoted_list(v.first), step.id,
			],
		),
		"related": contract.violation_related(v),
	}
}

where(v) := sprintf(" in %s", [v.region]) if v.region != ""

where(v) := "" if v.region == ""
