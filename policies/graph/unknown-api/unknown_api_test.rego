package rollgate.rules.graph["unknown-api_test"]

import data.rollgate.rules.graph["unknown-api"] as rule

services := {
	"ledger": {"spec": {"provides": [{"api": "ledger-api", "version": "1.5.0"}]}},
	"web": {"spec": {"consumes": [{"api": "ledger-api", "versions": "^1.4.0"}, {"api": "ledgr-api", "versions": "^1.0.0"}]}},
}

plan(steps) := {"scope": "plan", "plan": {"metadata": {"name": "p"}, "spec": {"steps": steps}}}

test_service_consumes_unknown_api_fires if {
	findings := rule.deny with input as {"scope": "catalogue"}
		with data.catalogue.services as services
		with data.graph.providers as {"ledger-api": ["ledger"]}
	count(findings) == 1
	some f in findings
	f.document == {"kind": "Service", "name": "web"}
	f.path == "/spec/consumes/1/api"
}

test_service_consumes_known_api_passes if {
	count(rule.deny) == 0 with input as {"scope": "catalogue"}
		with data.catalogue.services as {"ledger": services.ledger}
		with data.graph.providers as {"ledger-api": ["ledger"]}
}

test_step_consumes_unknown_api_fires if {
	findings := rule.deny with input as plan([{"id": "w", "service": "web", "to": "2.0.0", "consumes": [{"api": "auth-api", "versions": "^3"}]}])
		with data.catalogue.services as services
		with data.graph.providers as {"ledger-api": ["ledger"]}
	{f.path | some f in findings} == {"/spec/steps/0/consumes/0/api"}
}

test_step_consumes_api_introduced_by_plan_passes if {
	count(rule.deny) == 0 with input as plan([
		{"id": "l", "service": "ledger", "to": "2.0.0", "provides": [{"api": "ledger-v2-api", "version": "2.0.0"}]},
		{"id": "w", "service": "web", "to": "2.0.0", "consumes": [{"api": "ledger-v2-api", "versions": "^2"}]},
	])
		with data.catalogue.services as services
		with data.graph.providers as {"ledger-api": ["ledger"]}
}
