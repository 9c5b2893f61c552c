package rollgate.rules.graph["multiple-providers_test"]

import data.rollgate.rules.graph["multiple-providers"] as rule

services := {
	"payments": {"spec": {"provides": [{"api": "payments-api", "version": "2.3.0"}]}},
	"payments-legacy": {"spec": {"provides": [{"api": "other-api", "version": "1.0.0"}, {"api": "payments-api", "version": "1.0.0"}]}},
}

test_two_providers_fires_once if {
	findings := rule.deny with input as {"scope": "catalogue"}
		with data.catalogue.services as services
		with data.graph.providers as {"payments-api": ["payments", "payments-legacy"], "other-api": ["payments-legacy"]}
	count(findings) == 1
	some f in findings
	f.document.name == "payments-legacy"
	f.path == "/spec/provides/1/api"
	contains(f.message, "\"payments\", \"payments-legacy\"")
}

test_unique_providers_pass if {
	count(rule.deny) == 0 with input as {"scope": "catalogue"}
		with data.catalogue.services as {"payments": services.payments}
		with data.graph.providers as {"payments-api": ["payments"]}
}

test_not_in_plan_scope if {
	count(rule.deny) == 0 with input as {"scope": "plan", "plan": {}}
		with data.catalogue.services as services
		with data.graph.providers as {"payments-api": ["payments", "payments-legacy"]}
}
