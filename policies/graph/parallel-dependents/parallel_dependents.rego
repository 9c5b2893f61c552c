# METADATA
# title: Dependent services changed in parallel
# description: >-
#   Two steps may run at the same time and change services with a dependency path between them.
#   A failure is then hard to attribute and the two rollbacks are coupled.
# custom:
#   severity: warning
#   examples:
#     fails: |
#       steps:
#         - {id: web, service: web, to: 2.0.0, after: []}
#         - {id: api, service: api, to: 4.1.0, after: []}   # web depends on api
#     passes: |
#       steps:
#         - {id: api, service: api, to: 4.1.0}
#         - {id: web, service: web, to: 2.0.0, after: [api]}
package rollgate.rules.graph["parallel-dependents"]

import data.rollgate.lib.util

deny contains finding if {
	util.plan_scope
	some pair in object.get(input, ["facts", "parallelPairs"], [])
	a := util.steps[pair.a]
	b := util.steps[pair.b]
	finding := {
		"path": util.step_path(pair.b),
		"message": sprintf(
			"Steps \"%s\" (service \"%s\") and \"%s\" (service \"%s\") may run at the same time, but their services are linked by the dependency path %s. If both change at once, a failure is hard to attribute and rolling one back may break the other. Order them: add \"%s\" to the `after` list of step \"%s\" (or the reverse).",
			[a.id, a.service, b.id, b.service, concat(" -> ", pair.path), a.id, b.id],
		),
		"related": [{
			"path": util.step_path(pair.a),
			"message": sprintf("step \"%s\" may run at the same time", [a.id]),
		}],
	}
}
