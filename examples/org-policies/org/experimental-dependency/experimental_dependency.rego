# METADATA
# title: Tier-1 services may not depend on experimental ones
# description: >-
#   A tier-1 service depends on (dependsOn, or consumes an API provided by) a service whose
#   `lifecycle` is `experimental`. Experimental services carry no availability commitment, so the
#   tier-1 service inherits their risk. Promote the dependency out of experimental, or remove it.
# custom:
#   severity: error
#   examples:
#     fails: |
#       # checkout (tier 1) has dependsOn: [recommendations], lifecycle experimental
#       dependsOn: [recommendations]
#     passes: |
#       dependsOn: [inventory]
package rollgate.rules.org["experimental-dependency"]

import data.rollgate.lib.util

experimental(name) if util.services[name].spec.lifecycle == "experimental"

# dependencies are [service, path, dependency] triples, from dependsOn and from consumed APIs.
dependencies contains [svc, sprintf("/spec/dependsOn/%d", [j]), dep] if {
	some svc, doc in util.services
	some j, dep in object.get(doc.spec, "dependsOn", [])
}

dependencies contains [svc, sprintf("/spec/consumes/%d", [j]), dep] if {
	some svc, doc in util.services
	some j, c in object.get(doc.spec, "consumes", [])
	some dep in object.get(data.graph.providers, c.api, [])
}

deny contains finding if {
	util.catalogue_scope
	some [svc, path, dep] in dependencies
	util.service_tier(svc) == 1
	experimental(dep)
	finding := {
		"document": {"kind": "Service", "name": svc},
		"path": path,
		"message": sprintf(
			"Tier-1 service \"%s\" depends on \"%s\", whose lifecycle is experimental. Experimental services carry no availability commitment, so \"%s\" inherits their risk. Promote \"%s\" out of experimental, or remove the dependency.",
			[svc, dep, svc, dep],
		),
	}
}
