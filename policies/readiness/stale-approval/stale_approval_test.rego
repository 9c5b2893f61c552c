package rollgate.rules.readiness["stale-approval_test"]

import data.rollgate.rules.readiness["stale-approval"] as rule

params := {"maxApprovalAge": {"seconds": 604800, "text": "7d"}}

plan(age) := {
	"scope": "plan",
	"plan": {"metadata": {"name": "p"}, "spec": {"approvals": [{"role": "engineering", "by": "bob", "at": "x"}]}},
	"facts": {"approvals": [{"index": 0, "role": "engineering", "by": "bob", "atEpoch": 0, "ageSeconds": age}]},
}

test_old_approval_fires if {
	findings := rule.deny with input as plan(795600) with data.params as params
	count(findings) == 1
	some f in findings
	f.path == "/spec/approvals/0/at"
	contains(f.message, "9d 5h")
	contains(f.message, "(7d)")
}

test_approval_after_start_fires if {
	findings := rule.deny with input as plan(-7200) with data.params as params
	some f in findings
	contains(f.message, "2h after the plan starts")
}

test_recent_approval_passes if {
	count(rule.deny) == 0 with input as plan(604800) with data.params as params
}
