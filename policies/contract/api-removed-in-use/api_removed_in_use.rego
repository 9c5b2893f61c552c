# METADATA
# title: API removed while still consumed
# description: >-
#   A step's new version no longer provides an API (it is missing from the step's `provides`) that
#   some consumer still needs at that point of the plan. Every call to it fails once the step rolls
#   out.
# custom:
#   severity: error
#   examples:
#     fails: |
#       # catalog provides catalog-api and catalog-feed-api; recommendations consumes catalog-feed-api
#       steps:
#         - id: catalog
#           service: catalog
#           to: 3.0.0
#           provides: [{api: catalog-api, version: 3.0.0}]
#     passes: |
#       steps:
#         - id: catalog
#           service: catalog
#           to: 2.9.0
#           provides:
#             - {api: catalog-api, version: 2.5.0}
#             - {api: catalog-feed-api, version: 1.2.0}
package rollgate.rules.contract["api-removed-in-use"]

import data.rollgate.lib.contract
import data.rollgate.lib.util

deny contains finding if {
	util.plan_scope
	some v in contract.violations
	v.kind == "removed"
	finding := {
		"path": contract.violation_path(v),
		"message": sprintf(
			"Step \"%s\" stops providing %s (service \"%s\" %s no longer lists it), but %s still needs it (%s) %s%s.%s Its calls to %s would fail. Keep providing %s until every consumer has stopped using it, and remove it in a later plan.",
			[
				util.steps[v.providesFrom].id, v.api, v.provider, v.providerVersion, contract.consumer_text(v), v.range,
				contract.state_text(v.state), contract.where_text(v), contract.unordered_text(v), v.api, v.api,
			],
		),
		"related": contract.violation_related(v),
	}
}
