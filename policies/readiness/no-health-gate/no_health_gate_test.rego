package rollgate.rules.readiness["no-health-gate_test"]

import data.rollgate.rules.readiness["no-health-gate"] as rule

plan(stages) := {"scope": "plan", "plan": {"metadata": {"name": "p"}, "spec": {"steps": [{"id": "a", "service": "a", "to": "2.0.0", "stages": stages}]}}}

gate := {"metric": "error_rate", "max": 0.01, "for": "5m", "onNoData": "fail"}

test_canary_without_gates_fires if {
	findings := rule.deny with input as plan([{"name": "canary", "traffic": 5, "bake": "30m"}, {"name": "full", "traffic": 100}])
	{f.path | some f in findings} == {"/spec/steps/0/stages/0"}
}

test_empty_gates_fires if {
	findings := rule.deny with input as plan([{"name": "canary", "traffic": 5, "gates": []}])
	{f.path | some f in findings} == {"/spec/steps/0/stages/0/gates"}
}

test_full_traffic_without_gates_passes if {
	count(rule.deny) == 0 with input as plan([{"name": "canary", "traffic": 5, "gates": [gate]}, {"name": "full", "traffic": 100}])
}
