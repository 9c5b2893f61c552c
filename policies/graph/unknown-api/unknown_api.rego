# METADATA
# title: Unknown API
# description: >-
#   A Service or a plan step consumes an API that no service provides (in the catalogue, or in a
#   step of the same plan). Its contract cannot be checked, and the consumer may fail at run time.
# custom:
#   severity: error
#   examples:
#     fails: |
#       kind: Service
#       spec:
#         consumes:
#           - api: ledgr-api      # nobody provides "ledgr-api"
#             versions: "^1.4.0"
#     passes: |
#       kind: Service
#       spec:
#         consumes:
#           - api: ledger-api     # provided by the ledger Service
#             versions: "^1.4.0"
package rollgate.rules.graph["unknown-api"]

import data.rollgate.lib.util

catalogue_provided(api) if count(data.graph.providers[api]) > 0

# Without the computed graph (hand-written test data), scan the services. Guarded so that the
# WASM target, which evaluates every clause of a function, does not pay for the scan when the
# graph is there.
catalogue_provided(api) if {
	not data.graph.providers
	service_apis[api]
}

# service_apis is computed once per evaluation: a function clause scanning every service would be
# run for every consumed API (the WASM target does not memoise functions), which is quadratic.
service_apis contains p.api if {
	some service in util.services
	some p in object.get(service, ["spec", "provides"], [])
}

plan_provided(api) if {
	some step in util.steps
	some p in object.get(step, "provides", [])
	p.api == api
}

deny contains finding if {
	util.catalogue_scope
	some name, service in util.services
	some j, c in object.get(service, ["spec", "consumes"], [])
	not catalogue_provided(c.api)
	finding := {
		"document": {"kind": "Service", "name": name},
		"path": sprintf("/spec/consumes/%d/api", [j]),
		"message": sprintf(
			"Service \"%s\" consumes API \"%s\", but no Service provides it. rollgate cannot check this contract, and calls to it may fail. Add the API to the providing service's spec.provides, or fix the API name.",
			[name, c.api],
		),
	}
}

deny contains finding if {
	util.plan_scope
	some i, step in util.steps
	some j, c in object.get(step, "consumes", [])
	not catalogue_provided(c.api)
	not plan_provided(c.api)
	finding := {
		"path": sprintf("/spec/steps/%d/consumes/%d/api", [i, j]),
		"message": sprintf(
			"Step \"%s\" makes service \"%s\" consume API \"%s\", but no Service and no step of this plan provides it. The new version may call an API that does not exist. Add a provider (Service spec.provides or a step's provides), or fix the API name.",
			[step.id, step.service, c.api],
		),
	}
}
