package rollgate.rules.window["freeze-exception_test"]

import data.rollgate.rules.window["freeze-exception"] as rule

freeze := {"calendar": "platform", "name": "spring-freeze", "path": "/spec/freezes/0", "range": "r"}

plan(freezes) := {"scope": "plan", "facts": {"window": {"timeline": {"steps": [{"index": 1, "id": "ledger", "service": "ledger", "regions": [{"region": "eu-west-1", "text": "t", "freezes": freezes}]}]}}}}

test_exception_fires_note if {
	findings := rule.deny with input as plan([object.union(freeze, {"exception": {"approvedBy": "vp-eng", "reason": "regulatory deadline"}})])
	some f in findings
	f.path == "/spec/steps/1"
	contains(f.message, "approved by vp-eng: \"regulatory deadline\"")
}

test_conflict_without_exception_passes if {
	count(rule.deny) == 0 with input as plan([freeze])
}
