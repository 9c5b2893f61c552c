package rollgate.rules.org["finance-approval_test"]

import data.rollgate.rules.org["finance-approval"] as rule

services := {
	"ledger": {"metadata": {"name": "ledger", "labels": {"domain": "money"}}, "spec": {}},
	"web": {"metadata": {"name": "web"}, "spec": {}},
}

plan(service, approvals) := {"scope": "plan", "plan": {
	"metadata": {"name": "p"},
	"spec": {"author": "alice", "approvals": approvals, "steps": [{"id": service, "service": service}]},
}}

test_money_service_without_finance_fires if {
	findings := rule.deny with input as plan("ledger", [{"role": "engineering", "by": "bob"}])
		with data.catalogue.services as services
	{f.path | some f in findings} == {"/spec/steps/0"}
}

test_finance_approval_passes if {
	count(rule.deny) == 0 with input as plan("ledger", [{"role": "finance", "by": "fiona"}])
		with data.catalogue.services as services
}

test_author_cannot_be_finance_approver if {
	count(rule.deny) == 1 with input as plan("ledger", [{"role": "finance", "by": "alice"}])
		with data.catalogue.services as services
}

test_other_domain_passes if {
	count(rule.deny) == 0 with input as plan("web", []) with data.catalogue.services as services
}

test_domains_parameter if {
	count(rule.deny) == 0 with input as plan("ledger", [])
		with data.catalogue.services as services
		with data.params.financeDomains as ["payments"]
}
