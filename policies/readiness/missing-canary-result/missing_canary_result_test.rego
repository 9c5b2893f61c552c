package rollgate.rules.readiness["missing-canary-result_test"]

import data.rollgate.rules.readiness["missing-canary-result"] as rule

services := {"payments": {"spec": {"tier": 1}}, "web": {"spec": {}}}

plan(env, service, results) := {"scope": "plan", "plan": {"metadata": {"name": "p"}, "spec": {
	"environment": env,
	"readiness": {"canaryResults": results},
	"steps": [{"id": "s", "service": service, "to": "2.4.0"}],
}}}

test_no_result_for_exact_version_fires if {
	findings := rule.deny with input as plan("production", "payments", [{"service": "payments", "version": "2.4.0-rc.1", "passed": true}])
		with data.catalogue.services as services
	{f.path | some f in findings} == {"/spec/steps/0/to"}
}

test_failed_result_fires if {
	findings := rule.deny with input as plan("production", "payments", [{"service": "payments", "version": "2.4.0", "passed": false}])
		with data.catalogue.services as services
	some f in findings
	contains(f.message, "did not pass")
}

test_passing_result_passes if {
	count(rule.deny) == 0 with input as plan("production", "payments", [{"service": "payments", "version": "2.4.0", "passed": true}])
		with data.catalogue.services as services
}

test_staging_passes if {
	count(rule.deny) == 0 with input as plan("staging", "payments", []) with data.catalogue.services as services
}

test_tier3_passes if {
	count(rule.deny) == 0 with input as plan("production", "web", []) with data.catalogue.services as services
}
