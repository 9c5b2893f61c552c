package rollgate.rules.readiness["gate-passes-on-no-data_test"]

import data.rollgate.rules.readiness["gate-passes-on-no-data"] as rule

plan(gates) := {"scope": "plan", "plan": {"metadata": {"name": "p"}, "spec": {"steps": [{"id": "a", "service": "a", "to": "2.0.0", "stages": [{"name": "canary", "traffic": 5, "gates": gates}]}]}}}

test_absent_pass_ignore_fire if {
	findings := rule.deny with input as plan([
		{"metric": "m0", "max": 1},
		{"metric": "m1", "max": 1, "onNoData": "pass"},
		{"metric": "m2", "max": 1, "onNoData": "ignore"},
		{"metric": "m3", "max": 1, "onNoData": "fail"},
	])
	{f.path | some f in findings} == {
		"/spec/steps/0/stages/0/gates/0",
		"/spec/steps/0/stages/0/gates/1/onNoData",
		"/spec/steps/0/stages/0/gates/2/onNoData",
	}
}

test_fail_passes if {
	count(rule.deny) == 0 with input as plan([{"metric": "m", "max": 1, "onNoData": "fail"}])
}
