package rollgate.rules.window["plan-overlap_test"]

import data.rollgate.rules.window["plan-overlap"] as rule

plan(overlaps) := {"scope": "plan", "facts": {"window": {"timeline": {
	"steps": [{"index": 0, "id": "ledger", "service": "ledger"}],
	"overlaps": overlaps,
}}}}

test_overlap_fires if {
	findings := rule.deny with input as plan([{"step": 0, "otherPlan": "web-3", "otherStep": "web", "otherService": "web", "relation": "dependent", "overlap": {"text": "22:30-22:45"}, "otherRange": "22:30-23:15"}])
	some f in findings
	f.path == "/spec/steps/0"
	contains(f.message, "plan \"web-3\", which changes a direct dependent (web)")
}

test_no_overlap_passes if {
	count(rule.deny) == 0 with input as plan([])
}
