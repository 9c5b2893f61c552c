package rollgate.rules.graph["blast-radius_test"]

import data.rollgate.rules.graph["blast-radius"] as rule

plan(n) := {
	"scope": "plan",
	"plan": {"metadata": {"name": "p"}, "spec": {"steps": [{"id": "auth", "service": "auth", "to": "3.0.0"}]}},
	"facts": {"steps": [{"index": 0, "id": "auth", "service": "auth", "transitiveDependents": n}]},
}

test_large_radius_fires if {
	findings := rule.deny with input as plan(26) with data.params.maxBlastRadius as 25
	{f.path | some f in findings} == {"/spec/steps/0/service"}
}

test_at_limit_passes if {
	count(rule.deny) == 0 with input as plan(25) with data.params.maxBlastRadius as 25
}

test_param_respected if {
	count(rule.deny) == 0 with input as plan(40) with data.params.maxBlastRadius as 50
}
