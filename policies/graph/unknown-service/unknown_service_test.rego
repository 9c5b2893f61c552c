package rollgate.rules.graph["unknown-service_test"]

import data.rollgate.rules.graph["unknown-service"] as rule

names := {"Service": {"ledger": true, "broken": true}}

services := {"ledger": {"spec": {"owner": "t", "version": "1.0.0", "dependsOn": ["broken", "ghost"]}}}

plan(spec) := {"scope": "plan", "plan": {"metadata": {"name": "p"}, "spec": spec}}

test_step_unknown_service_fires if {
	findings := rule.deny with input as plan({"steps": [{"id": "a", "service": "ledgr", "to": "1.0.0"}]})
		with data.catalogue as {"names": names, "services": services}
	some f in findings
	f.path == "/spec/steps/0/service"
	contains(f.message, "\"ledgr\"")
}

test_known_and_invalid_service_passes if {
	count(rule.deny) == 0 with input as plan({
		"steps": [{"id": "a", "service": "ledger", "to": "1.0.0"}, {"id": "b", "service": "broken", "to": "1.0.0"}],
		"readiness": {"canaryResults": [{"service": "ledger", "version": "1.0.0", "passed": true}]},
	})
		with data.catalogue as {"names": names, "services": services}
}

test_canary_unknown_service_fires if {
	findings := rule.deny with input as plan({
		"steps": [],
		"readiness": {"canaryResults": [{"service": "ghost", "version": "1.0.0", "passed": true}]},
	})
		with data.catalogue as {"names": names, "services": services}
	{f.path | some f in findings} == {"/spec/readiness/canaryResults/0/service"}
}

test_depends_on_unknown_fires_in_catalogue_scope if {
	findings := rule.deny with input as {"scope": "catalogue"}
		with data.catalogue as {"names": names, "services": services}
	count(findings) == 1
	some f in findings
	f.document == {"kind": "Service", "name": "ledger"}
	f.path == "/spec/dependsOn/1"
}

test_depends_on_not_checked_in_plan_scope if {
	count(rule.deny) == 0 with input as plan({"steps": []})
		with data.catalogue as {"names": names, "services": services}
}
