package rollgate.rules.readiness["missing-approval_test"]

import data.rollgate.rules.readiness["missing-approval"] as rule

params := {"requiredApprovals": ["engineering"], "tier1Approvals": ["sre"]}

services := {"payments": {"spec": {"tier": 1}}, "web": {"spec": {"tier": 3}}}

plan(service, approvals) := {"scope": "plan", "plan": {"metadata": {"name": "p"}, "spec": {
	"author": "alice", "approvals": approvals,
	"steps": [{"id": service, "service": service, "to": "2.0.0"}],
}}}

test_author_approval_does_not_count if {
	findings := rule.deny with input as plan("web", [{"role": "engineering", "by": "alice"}])
		with data.params as params with data.catalogue.services as services
	count(findings) == 1
	some f in findings
	f.path == "/spec/approvals"
	contains(f.message, "\"engineering\"")
	contains(f.message, "\"alice\"")
}

test_tier1_requires_sre if {
	findings := rule.deny with input as plan("payments", [{"role": "engineering", "by": "bob"}])
		with data.params as params with data.catalogue.services as services
	count(findings) == 1
	some f in findings
	contains(f.message, "\"sre\"")
	contains(f.message, "tier-1 service(s) \"payments\"")
}

test_tier3_with_engineering_passes if {
	count(rule.deny) == 0 with input as plan("web", [{"role": "engineering", "by": "bob"}])
		with data.params as params with data.catalogue.services as services
}

test_tier1_with_both_passes if {
	count(rule.deny) == 0 with input as plan("payments", [{"role": "engineering", "by": "bob"}, {"role": "sre", "by": "carol"}])
		with data.params as params with data.catalogue.services as services
}
