package rollgate.rules.readiness["missing-bake_test"]

import data.rollgate.rules.readiness["missing-bake"] as rule

plan(stages) := {"scope": "plan", "plan": {"metadata": {"name": "p"}, "spec": {"steps": [{"id": "a", "service": "a", "to": "2.0.0", "stages": stages}]}}}

test_missing_bake_fires if {
	findings := rule.deny with input as plan([{"name": "canary", "traffic": 5, "bake": "30m"}, {"name": "full", "traffic": 100}])
	{f.path | some f in findings} == {"/spec/steps/0/stages/1"}
}

test_all_baked_passes if {
	count(rule.deny) == 0 with input as plan([{"name": "canary", "traffic": 5, "bake": "30m"}, {"name": "full", "traffic": 100, "bake": "15m"}])
}
