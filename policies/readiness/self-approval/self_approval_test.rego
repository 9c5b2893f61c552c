package rollgate.rules.readiness["self-approval_test"]

import data.rollgate.rules.readiness["self-approval"] as rule

plan(approvals) := {"scope": "plan", "plan": {"metadata": {"name": "p"}, "spec": {"author": "alice", "approvals": approvals, "steps": []}}}

test_self_approval_fires if {
	findings := rule.deny with input as plan([{"role": "sre", "by": "bob"}, {"role": "engineering", "by": "alice"}])
	{f.path | some f in findings} == {"/spec/approvals/1/by"}
}

test_other_approver_passes if {
	count(rule.deny) == 0 with input as plan([{"role": "engineering", "by": "bob"}])
}

test_no_author_passes if {
	count(rule.deny) == 0 with input as {"scope": "plan", "plan": {"metadata": {"name": "p"}, "spec": {"approvals": [{"role": "engineering", "by": "bob"}]}}}
}
