package rollgate.rules.readiness["gate-without-threshold_test"]

import data.rollgate.rules.readiness["gate-without-threshold"] as rule

plan(gates) := {"scope": "plan", "plan": {"metadata": {"name": "p"}, "spec": {"steps": [{"id": "a", "service": "a", "to": "2.0.0", "stages": [{"name": "canary", "traffic": 5, "gates": gates}]}]}}}

test_no_threshold_fires if {
	findings := rule.deny with input as plan([{"metric": "latency_p99", "max": 0.3}, {"metric": "error_rate", "for": "5m"}])
	{f.path | some f in findings} == {"/spec/steps/0/stages/0/gates/1"}
}

test_min_only_passes if {
	count(rule.deny) == 0 with input as plan([{"metric": "success_rate", "min": 0.99}])
}

test_zero_max_passes if {
	count(rule.deny) == 0 with input as plan([{"metric": "error_count", "max": 0}])
}
