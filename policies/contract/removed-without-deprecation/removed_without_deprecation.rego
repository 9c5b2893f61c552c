# METADATA
# title: API removed without deprecation
# description: >-
#   A step stops providing an API that was never marked `deprecated`. Consumers outside the
#   catalogue had no warning to move away from it.
# custom:
#   severity: error
#   examples:
#     fails: |
#       # catalog provides catalog-feed-api (not deprecated)
#       steps:
#         - id: catalog
#           service: catalog
#           provides: [{api: catalog-api, version: 2.5.0}]
#     passes: |
#       # catalog provides catalog-feed-api, deprecated: true
#       steps:
#         - id: catalog
#           service: catalog
#           provides: [{api: catalog-api, version: 2.5.0}]
package rollgate.rules.contract["removed-without-deprecation"]

import data.rollgate.lib.contract
import data.rollgate.lib.util

deny contains finding if {
	util.plan_scope
	some r in object.get(contract.facts, "removals", [])
	not r.deprecated
	step := util.steps[r.step]
	finding := {
		"path": sprintf("/spec/steps/%d/provides", [r.step]),
		"message": sprintf(
			"Step \"%s\" stops providing %s, which service \"%s\" never marked deprecated. Consumers you do not know about get no warning before it disappears. Mark it `deprecated: true` with a `sunset` date in a release first, and remove it after the sunset.",
			[step.id, r.api, step.service],
		),
		"related": [removed_related(r, step)],
	}
}

removed_related(r, step) := {
	"document": {"kind": "Service", "name": step.service},
	"path": sprintf("/spec/provides/%d", [r.providesIndex]),
	"message": sprintf("%s is provided here", [r.api]),
} if {
	r.providesFrom < 0
} else := {
	"path": sprintf("/spec/steps/%d/provides/%d", [r.providesFrom, r.providesIndex]),
	"message": sprintf("%s is provided by step \"%s\"", [r.api, util.steps[r.providesFrom].id]),
}
