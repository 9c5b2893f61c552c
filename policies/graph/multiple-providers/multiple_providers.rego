# METADATA
# title: Multiple providers
# description: >-
#   More than one service provides the same API. Consumers' contract checks then depend on which
#   provider is meant; API names must be unique across the catalogue.
# custom:
#   severity: warning
#   examples:
#     fails: |
#       # payments and payments-legacy both declare:
#       provides:
#         - api: payments-api
#           version: 2.3.0
#     passes: |
#       # only payments declares payments-api; the legacy service uses its own name:
#       provides:
#         - api: payments-legacy-api
#           version: 1.0.0
package rollgate.rules.graph["multiple-providers"]

import data.rollgate.lib.util

providers(api) := sort(data.graph.providers[api]) if {
	data.graph.providers[api]
} else := sort({name |
	some name, service in util.services
	some p in object.get(service, ["spec", "provides"], [])
	p.api == api
})

apis contains api if {
	some service in util.services
	some p in object.get(service, ["spec", "provides"], [])
	api := p.api
}

deny contains finding if {
	util.catalogue_scope
	some api in apis
	names := providers(api)
	count(names) > 1
	some n, name in names
	n > 0
	some j, p in util.services[name].spec.provides
	p.api == api
	finding := {
		"document": {"kind": "Service", "name": name},
		"path": sprintf("/spec/provides/%d/api", [j]),
		"message": sprintf(
			"API \"%s\" is provided by %d services (%s). Consumers' version ranges are checked against the first one only (\"%s\"), so a contract break in the others goes unnoticed. Give each implementation its own API name, or remove the duplicate from \"%s\".",
			[api, count(names), util.quoted_list(names), names[0], name],
		),
		"related": [{
			"document": {"kind": "Service", "name": names[0]},
			"path": "/spec/provides",
			"message": sprintf("\"%s\" also provides \"%s\"", [names[0], api]),
		}],
	}
}
