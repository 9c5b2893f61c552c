package rollgate.rules.graph.cycle_test

import data.rollgate.rules.graph.cycle as rule

cycles := [{
	"services": ["a", "b", "a"],
	"edges": [
		{"from": "a", "to": "b", "via": "consumes", "index": 0, "api": "b-api"},
		{"from": "b", "to": "a", "via": "dependsOn", "index": 1},
	],
}]

test_cycle_fires if {
	findings := rule.deny with input as {"scope": "catalogue"} with data.graph.cycles as cycles
	count(findings) == 1
	some f in findings
	f.document == {"kind": "Service", "name": "a"}
	f.path == "/spec/consumes/0/api"
	contains(f.message, "a -> b -> a")
	f.related[0].path == "/spec/dependsOn/1"
}

test_no_cycle_passes if {
	count(rule.deny) == 0 with input as {"scope": "catalogue"} with data.graph.cycles as []
}
