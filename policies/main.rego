# METADATA
# title: rollgate entrypoint
# description: Aggregates every rule's deny set, adding the rule id.
package rollgate.main

findings contains f if {
	some category, name
	some d in data.rollgate.rules[category][name].deny
	f := object.union(d, {"rule": concat("/", [category, name])})
}
