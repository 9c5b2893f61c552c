package rollgate.rules.graph["parallel-dependents_test"]

import data.rollgate.rules.graph["parallel-dependents"] as rule

base := {
	"scope": "plan",
	"plan": {"metadata": {"name": "p"}, "spec": {"steps": [
		{"id": "web", "service": "web", "to": "2.0.0", "after": []},
		{"id": "api", "service": "api", "to": "4.1.0", "after": []},
	]}},
}

test_parallel_pair_fires if {
	findings := rule.deny with input as object.union(base, {"facts": {"parallelPairs": [{"a": 0, "b": 1, "path": ["web", "api"]}]}})
	count(findings) == 1
	some f in findings
	f.path == "/spec/steps/1"
	contains(f.message, "web -> api")
}

test_no_pairs_passes if {
	count(rule.deny) == 0 with input as object.union(base, {"facts": {"parallelPairs": []}})
}
