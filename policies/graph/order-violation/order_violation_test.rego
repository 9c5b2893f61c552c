package rollgate.rules.graph["order-violation_test"]

import data.rollgate.rules.graph["order-violation"] as rule

need := {
	"api": "auth-api", "range": "^3.0.0", "index": 0, "declared": "step",
	"provider": "auth", "current": "2.5.0", "satisfiedNow": false,
	"providerStep": "auth", "delivered": "3.0.0", "satisfiedByStep": true,
}

steps := [
	{"id": "web", "service": "web", "to": "3.0.0", "after": [], "consumes": [{"api": "auth-api", "versions": "^3.0.0"}]},
	{"id": "auth", "service": "auth", "to": "3.0.0", "after": [], "provides": [{"api": "auth-api", "version": "3.0.0"}]},
]

input_with(ancestors, n) := {
	"scope": "plan",
	"plan": {"metadata": {"name": "p"}, "spec": {"steps": steps}},
	"facts": {"steps": [
		{"index": 0, "id": "web", "service": "web", "after": ancestors, "ancestors": ancestors, "needs": [n]},
		{"index": 1, "id": "auth", "service": "auth", "after": [], "ancestors": [], "needs": []},
	]},
}

test_unordered_consumer_fires if {
	findings := rule.deny with input as input_with([], need)
	count(findings) == 1
	some f in findings
	f.path == "/spec/steps/0/after"
	contains(f.message, "Add \"auth\" to the `after` list of step \"web\"")
	f.related[0].path == "/spec/steps/1"
}

test_ordered_consumer_passes if {
	count(rule.deny) == 0 with input as input_with(["auth"], need)
}

test_already_satisfied_passes if {
	count(rule.deny) == 0 with input as input_with([], object.union(need, {"satisfiedNow": true}))
}
