package rollgate.rules.window["dst-transition_test"]

import data.rollgate.rules.window["dst-transition"] as rule

plan(dst) := {"scope": "plan", "facts": {"window": {"timeline": {"steps": [{"index": 0, "id": "inventory", "service": "inventory", "regions": [{"region": "us-east-1", "text": "00:30-01:30 America/New_York", "dst": dst}]}]}}}}

test_change_fires if {
	findings := rule.deny with input as plan([{"zone": "America/New_York", "governedBy": "the plan", "at": "01:00 America/New_York on Sun 1 Nov 2026", "offsetBefore": "-04:00", "offsetAfter": "-05:00"}])
	some f in findings
	contains(f.message, "the zone of the plan: 01:00 America/New_York on Sun 1 Nov 2026")
	f.path == "/spec/steps/0"
}

test_no_change_passes if {
	count(rule.deny) == 0 with input as plan([])
}
