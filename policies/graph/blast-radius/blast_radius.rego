# METADATA
# title: Large blast radius
# description: >-
#   A step changes a service that more than `maxBlastRadius` services depend on, transitively. A
#   fault in that change can spread to all of them.
# custom:
#   severity: warning
#   parameters:
#     - name: maxBlastRadius
#       type: integer
#       default: 25
#       description: Largest number of transitive dependents a changed service may have without a warning.
#   examples:
#     fails: |
#       # auth has 40 transitive dependents (maxBlastRadius 25)
#       steps:
#         - {id: auth, service: auth, to: 3.0.0}
#     passes: |
#       # maxBlastRadius raised for this repo after review:
#       # rollgate config: params: {maxBlastRadius: 50}
#       steps:
#         - {id: auth, service: auth, to: 3.0.0}
package rollgate.rules.graph["blast-radius"]

import data.rollgate.lib.util

deny contains finding if {
	util.plan_scope
	some i, fact in util.fact_steps
	fact.transitiveDependents > data.params.maxBlastRadius
	finding := {
		"path": sprintf("/spec/steps/%d/service", [i]),
		"message": sprintf(
			"Step \"%s\" changes service \"%s\", which %d services depend on transitively (maxBlastRadius is %d). A fault in this change can spread to all of them. Roll it out with small canary stages and strict gates, split the change, or raise maxBlastRadius in the config if this is expected.",
			[fact.id, fact.service, fact.transitiveDependents, data.params.maxBlastRadius],
		),
	}
}
