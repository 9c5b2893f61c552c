# METADATA
# title: Unknown service
# description: >-
#   A plan step, a canary result or a Service's `dependsOn` names a service that has no Service
#   document. rollgate then cannot know its tier, dependencies or contracts, so every other check
#   about it is blind.
# custom:
#   severity: error
#   examples:
#     fails: |
#       steps:
#         - id: ledger
#           service: ledgr        # typo: no Service named "ledgr"
#           to: 2.0.0
#     passes: |
#       steps:
#         - id: ledger
#           service: ledger
#           to: 2.0.0
package rollgate.rules.graph["unknown-service"]

import data.rollgate.lib.util

deny contains finding if {
	util.plan_scope
	some i, step in util.steps
	not util.known_service(step.service)
	finding := {
		"path": sprintf("/spec/steps/%d/service", [i]),
		"message": sprintf(
			"Step \"%s\" deploys service \"%s\", but no Service document named \"%s\" exists. Without it rollgate cannot check the service's tier, dependencies or contracts. Add a Service document for \"%s\" to the catalogue, or fix the name.",
			[step.id, step.service, step.service, step.service],
		),
	}
}

deny contains finding if {
	util.plan_scope
	some k, result in object.get(util.plan_spec, ["readiness", "canaryResults"], [])
	not util.known_service(result.service)
	finding := {
		"path": sprintf("/spec/readiness/canaryResults/%d/service", [k]),
		"message": sprintf(
			"Canary result %d names service \"%s\", but no Service document named \"%s\" exists, so it cannot vouch for any step. Fix the service name so it matches the step it belongs to.",
			[k, result.service, result.service],
		),
	}
}

deny contains finding if {
	util.catalogue_scope
	some name, service in util.services
	some j, dep in object.get(service, ["spec", "dependsOn"], [])
	not util.known_service(dep)
	finding := {
		"document": {"kind": "Service", "name": name},
		"path": sprintf("/spec/dependsOn/%d", [j]),
		"message": sprintf(
			"Service \"%s\" depends on \"%s\", but no Service document named \"%s\" exists. The dependency graph is incomplete, so ordering, blast-radius and overlap checks miss this edge. Add a Service document for \"%s\" or fix the name in dependsOn.",
			[name, dep, dep, dep],
		),
	}
}
