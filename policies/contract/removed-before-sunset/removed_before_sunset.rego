# METADATA
# title: API removed before its sunset
# description: >-
#   A step stops providing an API before the end of its `sunset` date (compared with the plan's
#   start, in the plan's time zone). Consumers were promised the API until then.
# custom:
#   severity: error
#   examples:
#     fails: |
#       # auth provides auth-legacy-api, deprecated, sunset 2027-03-31; the plan starts 2026-12-01
#       steps:
#         - id: auth
#           service: auth
#           provides: [{api: auth-api, version: 4.4.0}]
#     passes: |
#       # the same plan starting 2027-04-01
#       steps:
#         - id: auth
#           service: auth
#           provides: [{api: auth-api, version: 4.4.0}]
package rollgate.rules.contract["removed-before-sunset"]

import data.rollgate.lib.contract
import data.rollgate.lib.util

deny contains finding if {
	util.plan_scope
	some r in object.get(contract.facts, "removals", [])
	r.beforeSunset
	step := util.steps[r.step]
	finding := {
		"path": sprintf("/spec/steps/%d/provides", [r.step]),
		"message": sprintf(
			"Step \"%s\" stops providing %s, whose sunset is %s: consumers were promised it until then. Keep providing it in this release and remove it in a plan that starts after %s.",
			[step.id, r.api, r.sunset, r.sunset],
		),
	}
}
