package rollgate.rules.readiness["missing-runbook_test"]

import data.rollgate.rules.readiness["missing-runbook"] as rule

plan(readiness) := {"scope": "plan", "plan": {"metadata": {"name": "p"}, "spec": {
	"readiness": readiness,
	"steps": [{"id": "a", "service": "a", "to": "2.0.0"}, {"id": "b", "service": "b", "to": "2.0.0"}],
}}}

services := {"a": {"spec": {"runbook": "x"}}, "b": {"spec": {}}}

test_service_without_runbook_fires if {
	findings := rule.deny with input as plan({}) with data.catalogue.services as services
	{f.path | some f in findings} == {"/spec/steps/1/service"}
}

test_empty_plan_runbook_fires if {
	count(rule.deny) == 1 with input as plan({"runbook": ""}) with data.catalogue.services as services
}

test_plan_runbook_passes if {
	count(rule.deny) == 0 with input as plan({"runbook": "x"}) with data.catalogue.services as services
}

test_every_service_has_runbook_passes if {
	count(rule.deny) == 0 with input as plan({}) with data.catalogue.services as {"a": services.a, "b": services.a}
}
